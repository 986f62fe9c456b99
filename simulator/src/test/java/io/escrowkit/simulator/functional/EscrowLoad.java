package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.SdkLoopback.cny;

import io.escrowkit.CaptureRequest;
import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.HoldRequest;
import io.escrowkit.Money;
import io.escrowkit.ReversalPendingException;
import io.escrowkit.device.simulated.TestCards;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Drives many escrows (hold, then capture of all or part of it) through one {@link SdkLoopback},
 * {@code inFlight} at a time. An escrow whose hold ends in doubt is left to its reversal; a capture
 * in doubt is tried again once its reversal has put the escrow back to HELD, up to {@value
 * #CAPTURE_TRIES} times. A request refused because the terminal still owes a reversal (UnionPay:
 * reversals first) is sent again, with the same idempotency key, once a reversal has been
 * acknowledged. Each escrow ends settled: CAPTURED, REVERSED, or HELD when every capture was lost.
 * Threadsafe.
 */
final class EscrowLoad {
  static final int CAPTURE_TRIES = 3;
  private static final List<String> CARDS =
      List.of(
          TestCards.UNIONPAY_PAN,
          TestCards.UNIONPAY_DEBIT_PAN,
          TestCards.UNIONPAY_19_DIGIT_PAN,
          TestCards.UNIONPAY_BRAINTREE_PAN);

  private final SdkLoopback loop;
  private final AtomicInteger captureRetries = new AtomicInteger();
  private final AtomicInteger reversalWaits = new AtomicInteger();
  private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();

  EscrowLoad(SdkLoopback loop) {
    this.loop = loop;
  }

  /** Runs {@code escrows} escrows, at most {@code inFlight} at once; returns when all settled. */
  void run(int escrows, int inFlight) throws InterruptedException {
    Semaphore slots = new Semaphore(inFlight);
    for (int i = 0; i < escrows; i++) {
      slots.acquire();
      escrow(i)
          .whenComplete(
              (done, error) -> {
                if (error != null) {
                  errors.add(error);
                }
                slots.release();
              });
    }
    if (!slots.tryAcquire(inFlight, 2, TimeUnit.MINUTES)) {
      throw new AssertionError(
          (inFlight - slots.availablePermits()) + " escrows still unsettled after 2 minutes");
    }
  }

  /** Captures retried after a capture in doubt was reversed. */
  int captureRetries() {
    return captureRetries.get();
  }

  /** Requests held back until an owed reversal was acknowledged. */
  int reversalWaits() {
    return reversalWaits.get();
  }

  /** What went wrong in the driver itself (exceptions out of the SDK); empty when all is well. */
  List<Throwable> errors() {
    return List.copyOf(errors);
  }

  private CompletableFuture<Escrow> escrow(int n) {
    // Whole units only: amounts ending in a decline trigger's minor units would be declined.
    Money held = Money.ofMinor((100 + n % 900) * 100L, "CNY");
    Money captured = n % 4 == 0 ? held.minus(cny("10.00")) : held;
    HoldRequest hold =
        loop.client
            .hold(held)
            .reference("load-" + n)
            .card(TestCards.chip(CARDS.get(n % CARDS.size())));
    return onceReversalsAllow(hold::executeAsync)
        .thenCompose(escrow -> settled(escrow))
        .thenCompose(
            escrow ->
                escrow.state() == EscrowState.HELD
                    ? capture(escrow, captured, 1)
                    : CompletableFuture.completedFuture(escrow));
  }

  private CompletableFuture<Escrow> capture(Escrow held, Money amount, int attempt) {
    if (attempt > 1) {
      captureRetries.incrementAndGet();
    }
    CaptureRequest capture = held.capture(amount);
    return onceReversalsAllow(capture::executeAsync)
        .thenCompose(this::settled)
        .thenCompose(
            escrow ->
                escrow.state() == EscrowState.HELD && attempt < CAPTURE_TRIES
                    ? capture(escrow, amount, attempt + 1)
                    : CompletableFuture.completedFuture(escrow));
  }

  /** The escrow once its reversal, if it is in doubt, has been acknowledged. */
  private CompletableFuture<Escrow> settled(Escrow escrow) {
    if (escrow.state() != EscrowState.IN_DOUBT) {
      return CompletableFuture.completedFuture(escrow);
    }
    return loop.events
        .leaving(escrow.id(), EscrowState.IN_DOUBT, escrow.snapshot().version())
        .thenApply(left -> escrow.refresh());
  }

  /**
   * Sends; if the terminal still owes a reversal, sends again (same request, same key) after the
   * next acknowledged reversal, or at once if none is owed any more.
   */
  private CompletableFuture<Escrow> onceReversalsAllow(Supplier<CompletableFuture<Escrow>> send) {
    CompletableFuture<Escrow> result = new CompletableFuture<>();
    attempt(send)
        .whenComplete(
            (escrow, error) -> {
              if (error == null) {
                result.complete(escrow);
              } else if (!(causeOf(error) instanceof ReversalPendingException)) {
                result.completeExceptionally(error);
              } else {
                reversalWaits.incrementAndGet();
                CompletableFuture<Void> go = new CompletableFuture<>();
                loop.events.nextLeaving(EscrowState.IN_DOUBT).thenRun(() -> go.complete(null));
                if (loop.journal.pendingWork().isEmpty()) {
                  go.complete(null);
                }
                go.thenCompose(ready -> onceReversalsAllow(send))
                    .whenComplete(
                        (again, failed) -> {
                          if (failed != null) {
                            result.completeExceptionally(failed);
                          } else {
                            result.complete(again);
                          }
                        });
              }
            });
    return result;
  }

  private static Throwable causeOf(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The future {@code start} returns, or a failed one if it throws. */
  private static <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> start) {
    try {
      return start.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
