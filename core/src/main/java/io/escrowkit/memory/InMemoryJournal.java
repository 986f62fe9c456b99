package io.escrowkit.memory;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.TraceBlock;
import io.escrowkit.spi.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * no money held on the card, no request pending or in doubt, no owed work, not left to an operator)
 * is forgotten with its history and idempotency keys, as a server forgets idempotency keys after a
 * retention window. Live holds, and escrows left to an operator, are never forgotten. A forgotten
 * escrow can no longer be found, voided or refunded through this journal, and a replay of one of
 * its keys runs as a new request.
 */
public final class InMemoryJournal implements Journal {
  /** How many of the least recently changed escrows one write looks at to forget one. */
  private static final int EVICTION_SCAN = 64;

  private final int capacity;
  private final Map<String, EscrowEntry> escrows = new HashMap<>();
  /** The entry changed longest ago (a snapshot written), and the latest; linked through them. */
  private EscrowEntry oldest;
  private EscrowEntry newest;
  private final Map<String, String> latestByReference = new HashMap<>();
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
      EscrowEntry entry = entry(snapshot.id());
      entry.snapshot = snapshot;
      moveToNewest(entry);
      latestByReference.put(snapshot.reference(), snapshot.id());
    });
    for (TransitionEvent event : write.transitions()) {
      entry(event.escrowId()).history.add(event);
    }
    write.idempotency().ifPresent(this::putKey);
    for (WorkItem item : write.enqueue()) {
      if (work.put(item.id(), item) == null) {
        entry(item.escrowId()).owed++;
      }
    }
    for (String done : write.completeWork()) {
      WorkItem finished = work.remove(done);
      leases.remove(done);
      if (finished != null) {
        entry(finished.escrowId()).owed--;
      }
    }
    if (escrows.size() > capacity) {
      forgetOne();
    }
  }

  private EscrowEntry entry(String escrowId) {
    EscrowEntry entry = escrows.get(escrowId);
    if (entry == null) {
      entry = new EscrowEntry(escrowId);
      escrows.put(escrowId, entry);
      moveToNewest(entry);
    }
    return entry;
  }

  private void putKey(IdempotencyRecord record) {
    IdempotencyRecord before = keys.put(record.key(), record);
    if (before == null) {
      entry(record.escrowId()).keys.add(record.key());
    } else if (!before.result().isPresent()) {
      entry(before.escrowId()).keysWithoutResult--;
    }
    if (!record.result().isPresent()) {
      entry(record.escrowId()).keysWithoutResult++;
    }
  }

  /**
   * Forgets the least recently changed escrow that is settled. Escrows at the front that are not
   * (a hold still live, a request in flight or in doubt, owed work) are moved to the back, so
   * that they never block the ones behind them.
   */
  private void forgetOne() {
    for (int looked = 0; looked < EVICTION_SCAN && oldest != null; looked++) {
      EscrowEntry entry = oldest;
      if (!entry.isSettled()) {
        moveToNewest(entry); // kept, behind the others
        continue;
      }
      unlink(entry);
      escrows.remove(entry.escrowId);
      if (entry.snapshot != null) {
        latestByReference.remove(entry.snapshot.reference(), entry.escrowId);
      }
      for (String key : entry.keys) {
        keys.remove(key);
      }
      return;
    }
  }

  private void moveToNewest(EscrowEntry entry) {
    if (entry == newest) {
      return;
    }
    unlink(entry);
    entry.older = newest;
    if (newest != null) {
      newest.newer = entry;
    }
    newest = entry;
    if (oldest == null) {
      oldest = entry;
    }
  }

  private void unlink(EscrowEntry entry) {
    if (entry.older != null) {
      entry.older.newer = entry.newer;
    } else if (oldest == entry) {
      oldest = entry.newer;
    }
    if (entry.newer != null) {
      entry.newer.older = entry.older;
    } else if (newest == entry) {
      newest = entry.older;
    }
    entry.older = null;
    entry.newer = null;
  }

  private void check(JournalWrite write) {
    write.snapshot().ifPresent(snapshot -> {
      EscrowEntry stored = escrows.get(snapshot.id());
      long storedVersion =
          stored == null || stored.snapshot == null ? 0 : stored.snapshot.version();
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
    return Optional.ofNullable(snapshotOf(escrowId));
  }

  @Override
  public synchronized Optional<EscrowSnapshot> findByReference(String reference) {
    return Optional.ofNullable(latestByReference.get(reference)).map(this::snapshotOf);
  }

  private EscrowSnapshot snapshotOf(String escrowId) {
    EscrowEntry entry = escrows.get(escrowId);
    return entry == null ? null : entry.snapshot;
  }

  @Override
  public synchronized List<EscrowSnapshot> findByStates(Set<EscrowState> states) {
    List<EscrowSnapshot> found = new ArrayList<>();
    for (EscrowEntry entry : escrows.values()) {
      if (entry.snapshot != null && states.contains(entry.snapshot.state())) {
        found.add(entry.snapshot);
      }
    }
    found.sort(Comparator.comparing(EscrowSnapshot::createdAt).thenComparing(EscrowSnapshot::id));
    return found;
  }

  @Override
  public synchronized List<TransitionEvent> history(String escrowId) {
    EscrowEntry entry = escrows.get(escrowId);
    return entry == null ? List.of() : List.copyOf(entry.history);
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
  public synchronized List<WorkItem> pendingWork(String terminalId) {
    if (work.isEmpty()) {
      return List.of();
    }
    List<WorkItem> owed = new ArrayList<>();
    for (WorkItem item : work.values()) {
      EscrowSnapshot escrow = snapshotOf(item.escrowId());
      if (escrow != null && escrow.terminalId().equals(terminalId)) {
        owed.add(item);
      }
    }
    return owed;
  }

  @Override
  public synchronized long nextTrace(String terminalId) {
    return nextTraces(terminalId, 1)[0];
  }

  @Override
  public synchronized long[] nextTraces(String terminalId, int count) {
    long[] drawn = TraceBlock.after(traces.getOrDefault(terminalId, 0L), count);
    traces.put(terminalId, drawn[count - 1]);
    return drawn;
  }

  @Override
  public void close() {}
}
