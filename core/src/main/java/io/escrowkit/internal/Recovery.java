package io.escrowkit.internal;

import io.escrowkit.Command;
import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.OperationStatus;
import io.escrowkit.PendingRequest;
import io.escrowkit.RecoveryReport;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.UnknownReason;
import io.escrowkit.spi.WorkItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a crash or a vanished client left: pending requests older than their own deadline
 * become in doubt and are reversed, lapsed holds are marked expired, and owed work is started.
 * Runs at start-up and periodically; safe to run in several clients at once (journal versions
 * decide who records each change).
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);
  private static final Set<EscrowState> PENDING = EnumSet.of(EscrowState.HOLD_PENDING,
      EscrowState.CAPTURE_PENDING, EscrowState.RELEASE_PENDING, EscrowState.VOID_PENDING,
      EscrowState.REFUND_PENDING);
  private static final Set<EscrowState> LIVE_HOLDS =
      EnumSet.of(EscrowState.HELD, EscrowState.PARTIALLY_CAPTURED);

  private final EngineContext context;
  private final ReversalWorker reversals;

  Recovery(EngineContext context, ReversalWorker reversals) {
    this.context = context;
    this.reversals = reversals;
  }

  RecoveryReport run() {
    context.ensureRunning();
    Instant now = context.clock.instant();
    List<CompletableFuture<Boolean>> orphans = new ArrayList<>();
    for (EscrowSnapshot escrow : context.journal.findByStates(PENDING)) {
      PendingRequest listed = escrow.pending().get();
      if (isOrphaned(listed, now)) {
        orphans.add(context.serializer.submit(escrow.id(),
            () -> adoptOrphan(escrow.id(), listed.operationId())));
      }
    }
    List<CompletableFuture<Boolean>> expiries = new ArrayList<>();
    for (EscrowSnapshot escrow : context.journal.findByStates(LIVE_HOLDS)) {
      if (context.machine.isExpired(escrow, now)) {
        expiries.add(context.serializer.submit(escrow.id(), () -> expireIfLapsed(escrow.id())));
      }
    }
    int inDoubt = count(orphans);
    int expired = count(expiries);
    reversals.wake();
    return new RecoveryReport(inDoubt, expired, context.journal.pendingWork().size());
  }

  private boolean isOrphaned(PendingRequest request, Instant now) {
    return !now.isBefore(request.sentAt().plus(context.config.orphanAge()));
  }

  /**
   * Takes over the request found orphaned, {@code operationId}, if it still is: the escrow read
   * again may have moved on since the list was read (in this client or another), to a request of
   * its own that is young and whose sender is alive.
   */
  private CompletableFuture<Boolean> adoptOrphan(String escrowId, String operationId) {
    Optional<EscrowSnapshot> found = context.journal.find(escrowId);
    if (!found.isPresent() || !found.get().state().isPending()) {
      return CompletableFuture.completedFuture(false);
    }
    EscrowSnapshot escrow = found.get();
    PendingRequest request = escrow.pending().get();
    Instant now = context.clock.instant();
    if (!request.operationId().equals(operationId) || !isOrphaned(request, now)) {
      return CompletableFuture.completedFuture(false);
    }
    if (context.config.profile().forwards(request.operation())) {
      return CompletableFuture.completedFuture(queueForwarding(escrow, request, now));
    }
    EscrowSnapshot inDoubt = context.machine.answer(escrow, Command.LOSE_OUTCOME, Map.of(), now);
    UnknownReason reason = UnknownReason.TERMINAL_RESTART;
    String detail = "the answer to " + request.operation() + " was never recorded";
    JournalWrite write = JournalWrite.of(inDoubt, Settlement.event(escrow, inDoubt, detail, now))
        .withEnqueued(new WorkItem(context.ids.workId(), WorkItem.Kind.REVERSAL, escrowId,
            request.operationId(), reason.reversalCode(), 0, now, now));
    Optional<IdempotencyRecord> intent = context.journal.idempotency(request.idempotencyKey());
    if (intent.isPresent() && !intent.get().result().isPresent()) {
      EscrowResult result = new EscrowResult(escrowId, request.operation(),
          OperationStatus.IN_DOUBT, inDoubt, Optional.of(Outcomes.unknownFailure(reason, detail)),
          Optional.empty(), request.idempotencyKey());
      write = write.withIdempotency(intent.get().withResult(result));
    }
    try {
      context.write(write);
      return CompletableFuture.completedFuture(true);
    } catch (JournalConflictException raced) {
      log.info("escrow {} moved on while recovering it; leaving it", escrowId);
      return CompletableFuture.completedFuture(false);
    }
  }

  /** A forwarded request left pending: queue it to go again, unless it already is. */
  private boolean queueForwarding(EscrowSnapshot escrow, PendingRequest request, Instant now) {
    if (OwedWork.forRequest(context, request.operationId())) {
      return false;
    }
    JournalWrite write = new JournalWrite(Optional.empty(), List.of(), Optional.empty(),
        List.of(new WorkItem(context.ids.workId(), WorkItem.Kind.ADVICE, escrow.id(),
            request.operationId(), "", 0, now, now)), List.of());
    Optional<IdempotencyRecord> intent = context.journal.idempotency(request.idempotencyKey());
    if (intent.isPresent() && !intent.get().result().isPresent()) {
      write = write.withIdempotency(intent.get().withResult(new EscrowResult(escrow.id(),
          request.operation(), OperationStatus.IN_DOUBT, escrow,
          Optional.of(Outcomes.forwardingFailure("the answer was never recorded")),
          Optional.empty(), request.idempotencyKey())));
    }
    context.write(write);
    return true;
  }

  private CompletableFuture<Boolean> expireIfLapsed(String escrowId) {
    Optional<EscrowSnapshot> found = context.journal.find(escrowId);
    Instant now = context.clock.instant();
    if (!found.isPresent() || !LIVE_HOLDS.contains(found.get().state())
        || !context.machine.isExpired(found.get(), now)) {
      return CompletableFuture.completedFuture(false);
    }
    try {
      OperationFlow.expire(context, found.get(), now);
      return CompletableFuture.completedFuture(true);
    } catch (JournalConflictException raced) {
      return CompletableFuture.completedFuture(false);
    }
  }

  private static int count(List<CompletableFuture<Boolean>> changes) {
    int changed = 0;
    for (CompletableFuture<Boolean> change : changes) {
      if (Futures.await(change)) {
        changed++;
      }
    }
    return changed;
  }
}
