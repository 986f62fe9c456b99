package io.escrowkit.internal;

import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.IdempotencyConflictException;
import io.escrowkit.Operation;
import io.escrowkit.OperationInProgressException;
import io.escrowkit.OperationStatus;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.Journal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs each idempotency key's operation once. A key already in the journal replays its first
 * result; a key in flight in this client joins that flight; the same key with other parameters is
 * an {@link IdempotencyConflictException}. Across clients sharing a journal, the journal's
 * insert-once rule on the key decides. Threadsafe.
 */
final class IdempotencyGuard {
  private record Flight(String fingerprint, CompletableFuture<EscrowResult> future) {}

  private final Journal journal;
  private final Map<String, Flight> flights = new ConcurrentHashMap<>();

  IdempotencyGuard(Journal journal) {
    this.journal = journal;
  }

  CompletableFuture<EscrowResult> run(
      String key, String fingerprint, Supplier<CompletableFuture<EscrowResult>> firstRun) {
    Flight mine = new Flight(fingerprint, new CompletableFuture<>());
    Flight existing = flights.putIfAbsent(key, mine);
    if (existing != null) {
      return existing.fingerprint().equals(fingerprint)
          ? existing.future()
          : otherParameters(key, existing.fingerprint(), fingerprint);
    }
    // Looked up only once the flight is ours: a flight that ended before has its result there.
    CompletableFuture<EscrowResult> outcome;
    try {
      Optional<IdempotencyRecord> stored = journal.idempotency(key);
      outcome =
          stored.isPresent() ? replay(stored.get(), key, fingerprint) : Futures.invoke(firstRun);
    } catch (RuntimeException | Error journalFailed) {
      outcome = Futures.failed(journalFailed); // and the flight ends, so the key is free again
    }
    outcome.whenComplete((result, error) -> {
      flights.remove(key, mine);
      if (error != null) {
        mine.future().completeExceptionally(error);
      } else {
        mine.future().complete(result);
      }
    });
    return mine.future();
  }

  /**
   * A call whose parameters differ from the flight in progress under its key. The key may have
   * a stored first result (the flight in progress is then a mismatched replay, about to fail):
   * that result decides, so a faithful retry still gets it.
   */
  private CompletableFuture<EscrowResult> otherParameters(
      String key, String inFlight, String fingerprint) {
    try {
      return journal.idempotency(key)
          .map(stored -> replay(stored, key, fingerprint))
          .orElseGet(() -> Futures.failed(
              new IdempotencyConflictException(key, inFlight, fingerprint)));
    } catch (RuntimeException | Error journalFailed) {
      return Futures.failed(journalFailed);
    }
  }

  /** What a key already in the journal answers. */
  CompletableFuture<EscrowResult> replay(
      IdempotencyRecord record, String key, String fingerprint) {
    if (!record.fingerprint().equals(fingerprint)) {
      return Futures.failed(
          new IdempotencyConflictException(key, record.fingerprint(), fingerprint));
    }
    return record.result()
        .map(this::withLatestEscrowIfInDoubt)
        .map(CompletableFuture::completedFuture)
        .orElseGet(() -> Futures.failed(
            new OperationInProgressException(key, record.escrowId())));
  }

  /**
   * An in-doubt first result with the escrow as it is now, while the escrow still tells how that
   * request ended: still in doubt with it, REVERSAL_REFUSED over it (for an operator), a hold
   * REVERSED, or the one write since the result that ended it (a capture reversed back to HELD, a
   * forwarded refund the host took). The escrow of then would say "in doubt, reversal queued" for
   * ever. Once the escrow has moved on (reversed back to HELD, then captured again), now would
   * show a later operation's effect as this one's ending: the first result replays as it was, as
   * every other result does.
   */
  private EscrowResult withLatestEscrowIfInDoubt(EscrowResult first) {
    if (first.status() != OperationStatus.IN_DOUBT) {
      return first;
    }
    return journal.find(first.escrowId())
        .filter(now -> stillAbout(now, first))
        .map(now -> new EscrowResult(first.escrowId(), first.operation(), first.status(), now,
            first.failure(), first.responseCode(), first.idempotencyKey()))
        .orElse(first);
  }

  private static boolean stillAbout(EscrowSnapshot now, EscrowResult first) {
    boolean pendingIsIt = now.pending()
        .map(p -> p.idempotencyKey().equals(first.idempotencyKey()))
        .orElse(false);
    boolean onlyItsEndingSince = !now.pending().isPresent()
        && now.version() == first.snapshot().version() + 1;
    return pendingIsIt
        || onlyItsEndingSince
        || first.operation() == Operation.HOLD && now.state() == EscrowState.REVERSED;
  }
}
