package io.escrowkit.testing;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A journal that forwards to another; tests override one method to inject a failure. */
public class ForwardingJournal implements Journal {
  private final Journal delegate;

  public ForwardingJournal(Journal delegate) {
    this.delegate = delegate;
  }

  @Override
  public void write(JournalWrite write) {
    delegate.write(write);
  }

  @Override
  public Optional<EscrowSnapshot> find(String escrowId) {
    return delegate.find(escrowId);
  }

  @Override
  public Optional<EscrowSnapshot> findByReference(String reference) {
    return delegate.findByReference(reference);
  }

  @Override
  public List<EscrowSnapshot> findByStates(Set<EscrowState> states) {
    return delegate.findByStates(states);
  }

  @Override
  public List<TransitionEvent> history(String escrowId) {
    return delegate.history(escrowId);
  }

  @Override
  public Optional<IdempotencyRecord> idempotency(String key) {
    return delegate.idempotency(key);
  }

  @Override
  public List<WorkItem> claimDueWork(Instant now, int limit, Duration lease) {
    return delegate.claimDueWork(now, limit, lease);
  }

  @Override
  public void rescheduleWork(String workId, int attempts, Instant notBefore) {
    delegate.rescheduleWork(workId, attempts, notBefore);
  }

  @Override
  public List<WorkItem> pendingWork() {
    return delegate.pendingWork();
  }

  @Override
  public List<WorkItem> pendingWork(String terminalId) {
    return delegate.pendingWork(terminalId);
  }

  @Override
  public long nextTrace(String terminalId) {
    return delegate.nextTrace(terminalId);
  }

  @Override
  public long[] nextTraces(String terminalId, int count) {
    return delegate.nextTraces(terminalId, count);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
