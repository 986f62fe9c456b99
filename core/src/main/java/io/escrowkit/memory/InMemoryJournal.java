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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A journal in memory: same contract as the durable ones, nothing survives the process. For tests,
 * demos and devices that journal elsewhere. Threadsafe (one lock; every write is atomic).
 */
public final class InMemoryJournal implements Journal {
  private final Map<String, EscrowSnapshot> escrows = new HashMap<>();
  private final Map<String, String> latestByReference = new HashMap<>();
  private final Map<String, List<TransitionEvent>> histories = new HashMap<>();
  private final Map<String, IdempotencyRecord> keys = new HashMap<>();
  private final Map<String, WorkItem> work = new LinkedHashMap<>();
  private final Map<String, Instant> leases = new HashMap<>();
  private final Map<String, Long> traces = new HashMap<>();

  @Override
  public synchronized void write(JournalWrite write) {
    check(write);
    write.snapshot().ifPresent(snapshot -> {
      escrows.put(snapshot.id(), snapshot);
      latestByReference.put(snapshot.reference(), snapshot.id());
    });
    for (TransitionEvent event : write.transitions()) {
      histories.computeIfAbsent(event.escrowId(), id -> new ArrayList<>()).add(event);
    }
    write.idempotency().ifPresent(record -> keys.put(record.key(), record));
    for (WorkItem item : write.enqueue()) {
      work.put(item.id(), item);
    }
    for (String done : write.completeWork()) {
      work.remove(done);
      leases.remove(done);
    }
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
