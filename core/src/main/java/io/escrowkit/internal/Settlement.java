package io.escrowkit.internal;

import io.escrowkit.Command;
import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.OperationStatus;
import io.escrowkit.PendingRequest;
import io.escrowkit.TransitionEvent;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.WorkItem;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the host's answer to a pending request: the new state, the first result under the
 * idempotency key, and, when the outcome is unknown, the reversal owed — all in one journal write.
 */
final class Settlement {
  private static final Logger log = LoggerFactory.getLogger(Settlement.class);
  private final EngineContext context;
  private final ReversalWorker reversals;

  Settlement(EngineContext context, ReversalWorker reversals) {
    this.context = context;
    this.reversals = reversals;
  }

  /**
   * As {@link #settle}, unless recovery (in this client or another on the journal) took the
   * request as orphaned first, its outcome having come after twice its deadline: the result
   * recovery recorded then stands, and the reversal or forwarding it queued follows.
   *
   * @throws JournalConflictException if the escrow changed otherwise meanwhile
   */
  EscrowResult settleUnlessOvertaken(
      EscrowSnapshot sent, IdempotencyRecord intent, TransportOutcome outcome) {
    try {
      return settle(sent, intent, outcome);
    } catch (JournalConflictException raced) {
      Optional<EscrowResult> recorded =
          context.journal.idempotency(intent.key()).flatMap(IdempotencyRecord::result);
      if (!recorded.isPresent()) {
        throw raced;
      }
      boolean reversalRefused = context.journal.find(sent.id())
          .map(now -> now.state() == EscrowState.REVERSAL_REFUSED).orElse(false);
      if (outcome.isApproved() && reversalRefused) {
        log.error("escrow {}: the host approved {} (trace {}) after recovery had taken it as lost,"
            + " and refused its reversal: it took effect at the host; settle it with the acquirer",
            sent.id(), intent.operation(), sent.pending().get().trace());
      } else if (outcome.isApproved() && recorded.get().status() == OperationStatus.IN_DOUBT) {
        // Recovery's reversal undoes it, if it reaches the host after this request did; one that
        // came first was answered "no such transaction", and this approval then stands there.
        log.error("escrow {}: the host approved {} (trace {}) after recovery had taken it as lost"
            + " and reversed it; if the reversal reached the host first, the approval stands"
            + " there: check it with the acquirer", sent.id(), intent.operation(),
            sent.pending().get().trace());
      } else {
        log.warn("escrow {}: the outcome of {} came after recovery had recorded it ({}); that"
            + " result stands", sent.id(), intent.operation(), recorded.get().status());
      }
      return recorded.get();
    }
  }

  EscrowResult settle(
      EscrowSnapshot sent, IdempotencyRecord intent, TransportOutcome outcome) {
    PendingRequest request = sent.pending().get();
    Instant now = context.clock.instant();
    if (outcome.isUnknown() && context.config.profile().forwards(request.operation())) {
      return queueForwarding(sent, intent, outcome, request, now);
    }
    Command command = Outcomes.command(outcome);
    EscrowSnapshot next = context.machine.answer(sent, command, outcome.hostReferences(), now);
    EscrowResult result = new EscrowResult(
        sent.id(), request.operation(), Outcomes.status(outcome), next, Outcomes.failure(outcome),
        outcome.responseCode(), intent.key());
    String cause = request.operation() + " " + outcome.kind().name().toLowerCase(java.util.Locale.ROOT)
        + outcome.responseCode().map(code -> " (" + code + ")").orElse(": " + outcome.detail());
    if (outcome.isApproved()) {
      cause += PartialApprovals.partOf(sent,
              outcome.hostReferences().get(io.escrowkit.spi.HostReference.APPROVED_AMOUNT))
          .map(part -> PartialApprovals.note(sent, part)).orElse("");
    }
    Optional<WorkItem> remainder = outcome.isApproved()
        ? RemainderRelease.owedAfter(context, request, next, now)
        : Optional.empty();
    cause += remainder.map(owed -> RemainderRelease.owedNote(next)).orElse("");
    JournalWrite write = JournalWrite.of(next, event(sent, next, cause, now))
        .withIdempotency(intent.withResult(result));
    if (remainder.isPresent()) {
      write = write.withEnqueued(remainder.get());
    }
    if (outcome.isUnknown()) {
      write = write.withEnqueued(new WorkItem(context.ids.workId(), WorkItem.Kind.REVERSAL,
          sent.id(), request.operationId(),
          outcome.unknownReason().get().reversalCode(), 0, now, now));
    }
    context.write(write);
    if (outcome.isUnknown() || remainder.isPresent()) {
      reversals.wake();
    }
    return result;
  }

  /**
   * A forwarded request (store and forward) whose answer never came: the escrow stays pending and
   * the same request is queued to go again, as a repeat, until the host acknowledges it. Nothing is
   * reversed.
   */
  private EscrowResult queueForwarding(EscrowSnapshot sent, IdempotencyRecord intent,
      TransportOutcome outcome, PendingRequest request, Instant now) {
    EscrowResult result = new EscrowResult(sent.id(), request.operation(),
        io.escrowkit.OperationStatus.IN_DOUBT, sent,
        java.util.Optional.of(Outcomes.forwardingFailure(outcome.detail())), outcome.responseCode(),
        intent.key());
    // Recovery may already have queued it (and recorded the first result) if this answer came
    // very late: queue once, and never replace a first result.
    boolean queued = OwedWork.forRequest(context, request.operationId());
    boolean answered = context.journal.idempotency(intent.key())
        .map(stored -> stored.result().isPresent()).orElse(false);
    context.write(new JournalWrite(java.util.Optional.empty(), java.util.List.of(),
        answered ? java.util.Optional.empty() : java.util.Optional.of(intent.withResult(result)),
        queued ? java.util.List.of() : java.util.List.of(new WorkItem(context.ids.workId(),
            WorkItem.Kind.ADVICE, sent.id(), request.operationId(), "", 0, now, now)),
        java.util.List.of()));
    reversals.wake();
    return result;
  }

  static TransitionEvent event(
      EscrowSnapshot before, EscrowSnapshot after, String cause, Instant at) {
    return new TransitionEvent(
        after.id(), after.version(), Optional.of(before.state()), after.state(), cause, at);
  }
}
