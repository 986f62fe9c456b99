package io.escrowkit.memory;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A journal in memory: same contract as the durable ones, nothing survives the process. For tests,
 * demos and devices that journal elsewhere. Threadsafe (one lock; every write is atomic).
 *
 * <p>By default it keeps every escrow. {@link #withCapacity} bounds it for long-running processes:
 * past the capacity, the escrow changed longest ago that is settled (captured in full or ended:
 * no money held on the card, no request pending or in doubt, no owed work) is forgotten with its
 * history and idempotency keys, as a server forgets idempotency keys after a retention window.
 * Live holds are never forgotten. A forgotten escrow can no longer be found, voided or refunded
 * through this journal, and a replay of one of its keys runs as a new request.
 */
public final class InMemoryJournal implements Journal {
  /** How many of the least recently changed escrows one write looks at to forget one. */
  private static final int EVICTION_SCAN = 64;

  private final int capacity;
  /** Least recently changed first (each write of a snapshot moves its escrow to the end). */
  private final Map<String, EscrowSnapshot> escrows = new LinkedHashMap<>();
  private final Map<String, List<String>> keysByEscrow = new HashMap<>();
  /** How many work items each escrow owes. */
  private final Map<String, Integer> owedByEscrow = new HashMap<>();
  private final Map<String, String> latestByReference = new HashMap<>();
  private final Map<String, List<TransitionEvent>> histories = new HashMap<>();
  private final Map<String, IdempotencyRecord> keys = new HashMap<>();
  private final Map<String, WorkItem> work = new LinkedHashMap<>();
  private final Map<String, Instant> leases = new HashMap<>();
  private final Map<String, Long> traces = new HashMap<>();

  /** A journal that keeps every escrow. */
  public InMemoryJournal() {
    this(Integer.MAX_VALUE);
  }

  private InMemoryJournal(int capacity) {
    this.capacity = capacity;
  }

  /**
   * A journal that keeps about {@code escrows} escrows: the most recently changed ones, and every
   * live hold, request in flight or owed work however many there are. Choose it well above the
   * escrows in flight and the ones the application still voids, refunds or looks up: past the
   * capacity, even an escrow that settled a moment ago may be the one forgotten.
   *
   * @throws IllegalArgumentException if {@code escrows} is not positive
   */
  public static InMemoryJournal withCapacity(int escrows) {
    if (escrows <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + escrows);
    }
    return new InMemoryJournal(escrows);
  }

  @Override
  public synchronized void write(JournalWrite write) {
    check(write);
    write.snapshot().ifPresent(snapshot -> {
      escrows.remove(snapshot.id()); // re-inserted last: the most recently changed
      escrows.put(snapshot.id(), snapshot);
      latestByReference.put(snapshot.reference(), snapshot.id());
    });
    for (TransitionEvent event : write.transitions()) {
      histories.computeIfAbsent(event.escrowId(), id -> new ArrayList<>(4)).add(event);
    }
    write.idempotency().ifPresent(record -> {
      if (keys.put(record.key(), record) == null && capacity != Integer.MAX_VALUE) {
        keysByEscrow.computeIfAbsent(record.escrowId(), id -> new ArrayList<>(2)).add(record.key());
      }
    });
    for (WorkItem item : write.enqueue()) {
      if (work.put(item.id(), item) == null) {
        owedByEscrow.merge(item.escrowId(), 1, Integer::sum);
      }
    }
    for (String done : write.completeWork()) {
      WorkItem finished = work.remove(done);
      leases.remove(done);
      if (finished != null) {
        owedByEscrow.computeIfPresent(finished.escrowId(), (id, n) -> n == 1 ? null : n - 1);
      }
    }
    if (escrows.size() > capacity) {
      forgetOne();
    }
  }

  /**
   * Forgets the least recently changed escrow that is settled. Escrows at the front that are not
   * (a hold still live, a request in flight or in doubt, owed work) are moved to the back, so
   * that they never block the ones behind them.
   */
  private void forgetOne() {
    for (int looked = 0; looked < EVICTION_SCAN; looked++) {
      Iterator<EscrowSnapshot> oldest = escrows.values().iterator();
      if (!oldest.hasNext()) {
        return;
      }
      EscrowSnapshot snapshot = oldest.next();
      oldest.remove();
      if (!isSettled(snapshot)) {
        escrows.put(snapshot.id(), snapshot); // kept, behind the others
        continue;
      }
      latestByReference.remove(snapshot.reference(), snapshot.id());
      histories.remove(snapshot.id());
      for (String key : keysByEscrow.getOrDefault(snapshot.id(), List.of())) {
        keys.remove(key);
      }
      keysByEscrow.remove(snapshot.id());
      return;
    }
  }

  /**
   * Whether nothing about the escrow is still open: no money held on the card (captured in full,
   * or ended), no request pending or in doubt, no owed work, every key with its result.
   */
  private boolean isSettled(EscrowSnapshot snapshot) {
    EscrowState state = snapshot.state();
    boolean moneySettled = state.isTerminal()
        || state == EscrowState.CAPTURED
        || state == EscrowState.PARTIALLY_REFUNDED;
    if (!moneySettled
        || snapshot.pending().isPresent()
        || owedByEscrow.containsKey(snapshot.id())) {
      return false;
    }
    for (String key : keysByEscrow.getOrDefault(snapshot.id(), List.of())) {
      IdempotencyRecord record = keys.get(key);
      if (record != null && !record.result().isPresent()) {
        return false;
      }
    }
    return true;
  }

  private void check(JournalWrite write) {
    write.snapshot().ifPresent(snapshot -> {
      EscrowSnapshot stored = escrows.get(snapshot.id());
      long storedVersion = stored == null ? 0 : stored.version();
      if (snapshot.version() != storedVersion + 1) {
        throw new JournalConflictException("escrow " + snapshot.id() + " is at version "
            + storedVersion + "; write expects " + (snapshot.version() - 1));
      }
    });
    write.idempotency().ifPresent(record -> {
      if (!record.result().isPresent() && keys.containsKey(record.key())) {
        throw new JournalConflictException("idempotency key '" + record.key() + "' exists");
      }
    });
  }

  @Override
  public synchronized Optional<EscrowSnapshot> find(String escrowId) {
    return Optional.ofNullable(escrows.get(escrowId));
  }

  @Override
  public synchronized Optional<EscrowSnapshot> findByReference(String reference) {
    return Optional.ofNullable(latestByReference.get(reference)).map(escrows::get);
  }

  @Override
  public synchronized List<EscrowSnapshot> findByStates(Set<EscrowState> states) {
    List<EscrowSnapshot> found = new ArrayList<>();
    for (EscrowSnapshot snapshot : escrows.values()) {
      if (states.contains(snapshot.state())) {
        found.add(snapshot);
      }
    }
    found.sort(Comparator.comparing(EscrowSnapshot::createdAt));
    return found;
  }

  @Override
  public synchronized List<TransitionEvent> history(String escrowId) {
    return List.copyOf(histories.getOrDefault(escrowId, List.of()));
  }

  @Override
  public synchronized Optional<IdempotencyRecord> idempotency(String key) {
    return Optional.ofNullable(keys.get(key));
  }

  @Override
  public synchronized List<WorkItem> claimDueWork(Instant now, int limit, Duration lease) {
    List<WorkItem> claimed = new ArrayList<>();
    for (WorkItem item : work.values()) {
      if (claimed.size() >= limit) {
        break;
      }
      Instant leasedUntil = leases.get(item.id());
      boolean free = leasedUntil == null || !now.isBefore(leasedUntil);
      if (free && !now.isBefore(item.notBefore())) {
        leases.put(item.id(), now.plus(lease));
        claimed.add(item);
      }
    }
    return claimed;
  }

  @Override
  public synchronized void rescheduleWork(String workId, int attempts, Instant notBefore) {
    WorkItem item = work.get(workId);
    if (item == null) {
      return;
    }
    work.put(workId, new WorkItem(item.id(), item.kind(), item.escrowId(), item.operationId(),
        item.reasonCode(), attempts, notBefore, item.createdAt()));
    leases.remove(workId);
  }

  @Override
  public synchronized List<WorkItem> pendingWork() {
    return List.copyOf(work.values());
  }

  @Override
  public synchronized long nextTrace(String terminalId) {
    long next = traces.getOrDefault(terminalId, 0L) % 999_999 + 1;
    traces.put(terminalId, next);
    return next;
  }

  @Override
  public void close() {}
}
