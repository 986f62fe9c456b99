package io.escrowkit.spi;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The client's durable memory: escrow snapshots and their history, idempotency keys with their
 * first results, the queue of work still owed to the host (reversals, advices), and the terminal's
 * counters. Implementations must be threadsafe; several clients may share one journal.
 *
 * <p>Nothing here holds card data beyond the masked PAN.
 */
public interface Journal extends AutoCloseable {

  /**
   * Applies one write atomically, and durably as the implementation is configured, before
   * returning.
   *
   * @throws JournalConflictException when the stored snapshot's version is not the one the write
   *     expects (another client changed the escrow), or the write inserts an idempotency key that
   *     already exists; nothing of the write is applied
   * @throws io.escrowkit.JournalFailureException when the journal cannot record the write
   */
  void write(JournalWrite write);

  Optional<EscrowSnapshot> find(String escrowId);

  /** The most recent escrow with this merchant reference. */
  Optional<EscrowSnapshot> findByReference(String reference);

  /** Every escrow currently in one of {@code states}, oldest first (created together: by id). */
  List<EscrowSnapshot> findByStates(Set<EscrowState> states);

  /** The escrow's transitions, oldest first. */
  List<TransitionEvent> history(String escrowId);

  Optional<IdempotencyRecord> idempotency(String key);

  /**
   * Claims up to {@code limit} work items due at {@code now} that no other client holds, for
   * {@code lease}; a claim not completed or rescheduled within its lease is claimable again.
   */
  List<WorkItem> claimDueWork(Instant now, int limit, Duration lease);

  /** Puts a claimed item back to be tried again at {@code notBefore}. */
  void rescheduleWork(String workId, int attempts, Instant notBefore);

  /** Every work item still owed, claimed or not (for diagnostics and tests). */
  List<WorkItem> pendingWork();

  /**
   * The work items still owed for escrows of terminal {@code terminalId}, claimed or not, in queue
   * order; an item whose escrow the journal no longer has is left out. The client asks before
   * every online request when the scheme wants owed reversals sent first, so an implementation
   * should answer in one read, cheaply when nothing is owed. This default filters {@link
   * #pendingWork()} with a {@link #find} per item.
   */
  default List<WorkItem> pendingWork(String terminalId) {
    List<WorkItem> owed = new ArrayList<>();
    for (WorkItem item : pendingWork()) {
      if (find(item.escrowId()).filter(e -> e.terminalId().equals(terminalId)).isPresent()) {
        owed.add(item);
      }
    }
    return owed;
  }

  /**
   * The terminal's next system trace audit number, 1 to 999999 then 1 again, never repeating
   * across restarts before it wraps.
   */
  long nextTrace(String terminalId);

  /**
   * Draws {@code count} trace numbers for the terminal in one step, as {@link #nextTrace} would
   * one after another (wrapping after 999999 alike), committed before returning, so no restart and
   * no other client sharing the journal ever draws one of them again before the numbers wrap.
   * The client draws a small block at a time and uses it up in order; the numbers of a block it
   * does not use up (it stopped, or crashed) are skipped. An implementation should draw the block
   * in one transaction; this default calls {@link #nextTrace} {@code count} times.
   *
   * @return the numbers drawn, in order
   * @throws IllegalArgumentException if {@code count} is not 1 to 1000
   */
  default long[] nextTraces(String terminalId, int count) {
    TraceBlock.checkCount(count);
    long[] drawn = new long[count];
    for (int i = 0; i < count; i++) {
      drawn[i] = nextTrace(terminalId);
    }
    return drawn;
  }

  @Override
  void close();
}
