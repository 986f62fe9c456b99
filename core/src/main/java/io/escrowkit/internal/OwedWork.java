package io.escrowkit.internal;

import io.escrowkit.spi.WorkItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The work the journal still owes, looked up, and an attempt counted before it leaves. Stateless. */
final class OwedWork {
  private OwedWork() {}

  /** Every owed item {@code wanted} accepts, in the journal's order. */
  static List<WorkItem> matching(EngineContext context, Predicate<WorkItem> wanted) {
    return matching(context.journal.pendingWork(), wanted);
  }

  /** The items of {@code owed} that {@code wanted} accepts, in their order. */
  static List<WorkItem> matching(List<WorkItem> owed, Predicate<WorkItem> wanted) {
    List<WorkItem> found = new ArrayList<>();
    for (WorkItem item : owed) {
      if (wanted.test(item)) {
        found.add(item);
      }
    }
    return found;
  }

  /**
   * The work item {@code workId} as the journal has it now, if it is still owed: a worker holding
   * an older copy (claimed before another attempt, or by another client on the same journal,
   * finished it) must not act on that copy.
   */
  static Optional<WorkItem> byId(EngineContext context, String workId) {
    return matching(context, item -> item.id().equals(workId)).stream().findFirst();
  }

  /** Whether work for the request {@code operationId} is already owed. */
  static boolean forRequest(EngineContext context, String operationId) {
    return !matching(context, item -> item.operationId().equals(operationId)).isEmpty();
  }

  /**
   * Whether this attempt at {@code item} is a repeat; a first attempt is counted in the journal
   * before it leaves (not due again until the lease runs out), so that after a crash mid-send the
   * next attempt goes as a repeat (0221 after 0220, 0421 after 0420).
   */
  static boolean countedBeforeSending(EngineContext context, WorkItem item, Instant now) {
    if (item.attempts() > 0) {
      return true;
    }
    context.journal.rescheduleWork(item.id(), 1, now.plus(context.config.workLease()));
    return false;
  }
}
