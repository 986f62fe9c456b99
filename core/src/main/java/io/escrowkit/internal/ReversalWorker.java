package io.escrowkit.internal;

import io.escrowkit.Command;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.PendingRequest;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.OriginalRequest;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the reversals owed in the journal until the host acknowledges each: claims due items,
 * reverses each escrow's in-doubt request (serialized with the escrow's other operations), and on
 * no acknowledgement puts the item back with backoff. Nothing is dropped: an item leaves the
 * journal only with the acknowledgement, or when its escrow no longer needs it. Threadsafe.
 */
final class ReversalWorker {
  private static final Logger log = LoggerFactory.getLogger(ReversalWorker.class);
  private static final int CLAIM_BATCH = 64;
  private final EngineContext context;
  private volatile boolean closed;

  ReversalWorker(EngineContext context) {
    this.context = context;
  }

  /** Looks for due work now, on the scheduler. */
  void wake() {
    schedule(Duration.ZERO);
  }

  void close() {
    closed = true;
  }

  private void schedule(Duration delay) {
    if (closed) {
      return;
    }
    try {
      context.scheduler.schedule(this::drain, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      log.debug("scheduler shut down; owed work stays in the journal", shutDown);
    }
  }

  void drain() {
    if (closed) {
      return;
    }
    try {
      Instant now = context.clock.instant();
      List<WorkItem> due = context.journal.claimDueWork(now, CLAIM_BATCH, context.config.workLease());
      for (WorkItem item : due) {
        if (item.kind() == WorkItem.Kind.REVERSAL) {
          context.serializer.submit(item.escrowId(), () -> attempt(item))
              .whenComplete((ignored, error) -> {
                if (error != null) {
                  log.error("reversal {} of escrow {} failed; it stays owed", item.id(),
                      item.escrowId(), error);
                }
              });
        }
      }
      if (due.size() == CLAIM_BATCH) {
        wake();
      }
    } catch (RuntimeException e) {
      log.error("could not read owed work from the journal", e);
    }
  }

  private CompletableFuture<Void> attempt(WorkItem item) {
    Optional<EscrowSnapshot> found = context.journal.find(item.escrowId());
    boolean stillOwed = found.isPresent()
        && found.get().state() == EscrowState.IN_DOUBT
        && found.get().pending().map(p -> p.operationId().equals(item.operationId())).orElse(false);
    if (!stillOwed) {
      context.write(emptyWrite().withCompleted(item.id()));
      return CompletableFuture.completedFuture(null);
    }
    EscrowSnapshot escrow = found.get();
    TransportRequest reversal = reversalOf(escrow, item);
    return context.send(reversal).thenAccept(outcome -> settle(escrow, item, outcome));
  }

  private void settle(EscrowSnapshot escrow, WorkItem item, TransportOutcome outcome) {
    Instant now = context.clock.instant();
    if (Outcomes.reversalAcknowledged(outcome)) {
      EscrowSnapshot next = context.machine.answer(escrow, Command.CONFIRM_REVERSAL, Map.of(), now);
      String cause = "reversal acknowledged (" + outcome.responseCode().orElse("?") + ", reason "
          + item.reasonCode() + ")";
      try {
        context.write(JournalWrite.of(next, Settlement.event(escrow, next, cause, now))
            .withCompleted(item.id()));
      } catch (JournalConflictException raced) {
        log.info("escrow {} changed while reversing; rechecking", escrow.id());
        wake();
      }
      return;
    }
    int attempts = item.attempts() + 1;
    Duration delay = context.config.reversalBackoff().delay(attempts, context.random);
    log.warn("reversal of escrow {} not acknowledged ({}); attempt {} again in {}",
        escrow.id(), outcome.responseCode().orElse(outcome.detail()), attempts, delay);
    context.journal.rescheduleWork(item.id(), attempts, now.plus(delay));
    schedule(delay);
  }

  private TransportRequest reversalOf(EscrowSnapshot escrow, WorkItem item) {
    PendingRequest original = escrow.pending().get();
    Instant now = context.clock.instant();
    RequestType originalType = RequestType.valueOf(original.operation().name());
    return new TransportRequest(
        RequestType.REVERSAL, item.id(), escrow.id(), escrow.merchantId(), escrow.terminalId(),
        original.trace(), now, now.plus(context.config.requestTimeout()), original.amount(),
        escrow.held(), Optional.empty(), Optional.empty(), escrow.hostReferences(),
        Optional.of(new OriginalRequest(originalType, original.operationId(), original.trace(),
            original.sentAt(), original.amount())),
        Optional.of(item.reasonCode()), false);
  }

  private static JournalWrite emptyWrite() {
    return new JournalWrite(Optional.empty(), List.of(), Optional.empty(), List.of(), List.of());
  }
}
