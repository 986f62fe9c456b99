package io.escrowkit.spi;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.TransitionEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one atomic journal write records: an escrow's new snapshot (whose version must be one more
 * than the stored one, or 1 for a new escrow), the transitions that led to it, an idempotency
 * record (inserted when it has no result yet, else updated), work to queue, and work done.
 * Immutable.
 */
public record JournalWrite(
    Optional<EscrowSnapshot> snapshot,
    List<TransitionEvent> transitions,
    Optional<IdempotencyRecord> idempotency,
    List<WorkItem> enqueue,
    List<String> completeWork) {

  public JournalWrite {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(idempotency, "idempotency");
    transitions = List.copyOf(transitions);
    enqueue = List.copyOf(enqueue);
    completeWork = List.copyOf(completeWork);
  }

  /** A snapshot change with its transition, nothing else. */
  public static JournalWrite of(EscrowSnapshot snapshot, TransitionEvent transition) {
    return new JournalWrite(
        Optional.of(snapshot), List.of(transition), Optional.empty(), List.of(), List.of());
  }

  /** Work done, nothing else: the item {@code workId} leaves the queue. */
  public static JournalWrite completing(String workId) {
    return new JournalWrite(
        Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(workId));
  }

  public JournalWrite withIdempotency(IdempotencyRecord record) {
    return new JournalWrite(snapshot, transitions, Optional.of(record), enqueue, completeWork);
  }

  public JournalWrite withEnqueued(WorkItem item) {
    List<WorkItem> items = new java.util.ArrayList<>(enqueue);
    items.add(item);
    return new JournalWrite(snapshot, transitions, idempotency, items, completeWork);
  }

  public JournalWrite withCompleted(String workId) {
    List<String> done = new java.util.ArrayList<>(completeWork);
    done.add(workId);
    return new JournalWrite(snapshot, transitions, idempotency, enqueue, done);
  }
}
