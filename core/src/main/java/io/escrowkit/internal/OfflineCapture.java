package io.escrowkit.internal;

import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.OperationStatus;
import io.escrowkit.PendingRequest;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.WorkItem;
import java.util.List;
import java.util.Optional;

/**
 * A capture the terminal approves on its own (store and forward): it counts at once, and its
 * completion advice is queued in the same journal write; {@link CompletionAdvices} sends it.
 */
final class OfflineCapture {
  private OfflineCapture() {}

  /** The first (and only) result of an offline capture: approved, without a response code. */
  static EscrowResult result(EscrowSnapshot captured, IdempotencyRecord intent) {
    return new EscrowResult(captured.id(), intent.operation(), OperationStatus.APPROVED, captured,
        Optional.empty(), Optional.empty(), intent.key());
  }

  /** The one write: the captured escrow, its result under the key, and the advice owed. */
  static JournalWrite write(EngineContext context, EscrowSnapshot before, EscrowSnapshot captured,
      IdempotencyRecord intent, EscrowResult result, PendingRequest request) {
    String cause = "CAPTURE approved offline: " + request.amount() + " (trace " + request.trace()
        + "); completion advice queued";
    return JournalWrite.of(captured, Settlement.event(before, captured, cause, request.sentAt()))
        .withIdempotency(intent.withResult(result))
        .withEnqueued(new WorkItem(context.ids.workId(), WorkItem.Kind.COMPLETION_ADVICE,
            captured.id(), request.operationId(), "", 0, request.sentAt(), request.sentAt()));
  }

  /** Whether {@code escrow} is in a state an unacknowledged offline capture leaves it in. */
  static boolean mayOweAdvice(EscrowSnapshot escrow) {
    return escrow.state() == EscrowState.CAPTURED
        || escrow.state() == EscrowState.PARTIALLY_CAPTURED;
  }

  /** Whether the completion advice of an offline capture of {@code escrowId} is still owed. */
  static boolean owesAdvice(EngineContext context, String escrowId) {
    return !owedAdvices(context, escrowId).isEmpty();
  }

  /** The completion advices still owed for {@code escrowId} (one at most, in practice). */
  static List<WorkItem> owedAdvices(EngineContext context, String escrowId) {
    return OwedWork.matching(context, item -> item.kind() == WorkItem.Kind.COMPLETION_ADVICE
        && item.escrowId().equals(escrowId));
  }
}
