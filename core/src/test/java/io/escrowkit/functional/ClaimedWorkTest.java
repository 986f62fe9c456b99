package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.WorkItem;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.ForwardingJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Owed work whose attempt has just put it back can be claimed by a drain before that attempt has
 * let go of it. The claim must not strand the item under its lease: the item is still sent, soon,
 * not at the next periodic sweep.
 */
class ClaimedWorkTest {

  @Test
  void anItemClaimedWhileItsAttemptIsEndingIsStillSent() throws Exception {
    ObservedScheduler scheduler = new ObservedScheduler();
    HeldReschedule journal = new HeldReschedule(scheduler);
    InMemoryTransport host = InMemoryTransport.approvingAll();
    // Faults here answer at once; the long timeout keeps the refund from counting as an orphan
    // (twice its deadline old) when recover() below looks, however slow the machine.
    try (Fixture fixture = new Fixture(host, host, journal, 42, scheduler, Duration.ofSeconds(30),
        b -> b.recoveryInterval(Duration.ofHours(1)))) {
      Escrow held = fixture.client.hold(Money.of("100.00", "CNY")).reference("claimed")
          .card(TestCards.unionPayChip()).execute();
      held.capture(Money.of("100.00", "CNY")).execute();
      host.injectNext(RequestType.REFUND, Fault.RESPONSE_LOST); // the refund itself
      host.injectNext(RequestType.REFUND, Fault.RESPONSE_LOST); // its first repeat

      held.refund(Money.of("100.00", "CNY")).execute(); // in doubt: forwarded from now on

      // The first repeat's attempt has put the item back and waits there, not yet ended.
      assertThat(journal.putBack.await(10, TimeUnit.SECONDS)).isTrue();
      Duration untilDue = Duration.between(fixture.clock.instant(), journal.dueAt);
      if (!untilDue.isNegative()) {
        fixture.clock.advance(untilDue.plusMillis(1));
      }
      fixture.client.recover(); // a drain, which claims the item while that attempt still runs

      assertThat(journal.attemptEnded.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(journal.claimedWhileHeld).isTrue();
      assertThat(journal.claimingDrainEnded).isTrue(); // before the attempt went on
      fixture.events.awaitState(held.id(), EscrowState.REFUNDED, Duration.ofSeconds(10));
      assertThat(host.received(RequestType.REFUND)).isEqualTo(3);
      assertThat(host.ledger().entry(held.id()).get().refunded())
          .isEqualTo(Money.of("100.00", "CNY"));
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void aReversalWhoseAcknowledgementMeetsAConflictIsLookedAtAgainAtOnce() {
    ConflictOnce journal = new ConflictOnce();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    try (Fixture fixture = new Fixture(host, host, journal, 42,
        b -> b.recoveryInterval(Duration.ofHours(1)))) {
      host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);

      Escrow inDoubt = fixture.client.hold(Money.of("100.00", "CNY")).reference("conflict")
          .card(TestCards.unionPayChip()).execute();

      // The first acknowledgement could not be recorded; the item, due only when its first
      // attempt's lease ends, is looked at again now rather than at the next sweep.
      fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSED, Duration.ofSeconds(10));
      assertThat(journal.refused).isTrue();
      assertThat(host.received(RequestType.REVERSAL)).isEqualTo(2);
      assertThat(host.ledger().entry(inDoubt.id()).get().holdActive()).isFalse();
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void aForwardedRefundWhoseAcknowledgementMeetsAConflictIsLookedAtAgainAtOnce() {
    ConflictOnce journal = new ConflictOnce();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    try (Fixture fixture = new Fixture(host, host, journal, 42,
        b -> b.recoveryInterval(Duration.ofHours(1)))) {
      Escrow held = fixture.client.hold(Money.of("100.00", "CNY")).reference("conflict-refund")
          .card(TestCards.unionPayChip()).execute();
      held.capture(Money.of("100.00", "CNY")).execute();
      host.injectNext(RequestType.REFUND, Fault.RESPONSE_LOST);

      held.refund(Money.of("100.00", "CNY")).execute(); // in doubt: forwarded from now on

      // The repeat's acknowledgement could not be recorded; under the claim's lease, the item is
      // looked at again now rather than at the next sweep.
      fixture.events.awaitState(held.id(), EscrowState.REFUNDED, Duration.ofSeconds(10));
      assertThat(journal.refused).isTrue();
      assertThat(host.received(RequestType.REFUND)).isEqualTo(3);
      assertThat(host.ledger().entry(held.id()).get().refunded())
          .isEqualTo(Money.of("100.00", "CNY"));
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  /** Refuses, as a conflict, the first write that completes owed work. */
  private static final class ConflictOnce extends ForwardingJournal {
    volatile boolean refused;

    ConflictOnce() {
      super(new InMemoryJournal());
    }

    @Override
    public void write(JournalWrite write) {
      if (!refused && !write.completeWork().isEmpty()) {
        refused = true;
        throw new JournalConflictException("test: another client changed the escrow first");
      }
      super.write(write);
    }
  }

  /** Tells the journal which of its threads finished a task. */
  private static final class ObservedScheduler extends ScheduledThreadPoolExecutor {
    private volatile HeldReschedule journal;

    ObservedScheduler() {
      super(2);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
      super.afterExecute(task, thrown);
      HeldReschedule watching = journal;
      if (watching != null) {
        watching.taskEnded();
      }
    }
  }

  /**
   * Holds the attempt that puts the forwarded refund back after its first repeat (right after
   * putting it back) until a drain has claimed the item and that drain's task has ended.
   */
  private static final class HeldReschedule extends ForwardingJournal {
    final CountDownLatch putBack = new CountDownLatch(1);
    final CountDownLatch attemptEnded = new CountDownLatch(1);
    private final CountDownLatch claimingTaskEnded = new CountDownLatch(1);
    volatile Instant dueAt;
    volatile boolean claimedWhileHeld;
    volatile boolean claimingDrainEnded;
    private volatile String heldId;
    private volatile Thread claimer;

    HeldReschedule(ObservedScheduler scheduler) {
      super(new InMemoryJournal());
      scheduler.journal = this;
    }

    @Override
    public void rescheduleWork(String workId, int attempts, Instant notBefore) {
      super.rescheduleWork(workId, attempts, notBefore);
      boolean firstRepeat = attempts == 1 && heldId == null && pendingWork().stream()
          .anyMatch(w -> w.id().equals(workId) && w.kind() == WorkItem.Kind.ADVICE);
      if (!firstRepeat) {
        return;
      }
      dueAt = notBefore;
      heldId = workId;
      putBack.countDown();
      try {
        claimingDrainEnded = claimingTaskEnded.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      attemptEnded.countDown();
    }

    @Override
    public List<WorkItem> claimDueWork(Instant now, int limit, Duration lease) {
      List<WorkItem> claimed = super.claimDueWork(now, limit, lease);
      if (attemptEnded.getCount() > 0 && heldId != null
          && claimed.stream().anyMatch(w -> w.id().equals(heldId))) {
        claimedWhileHeld = true;
        claimer = Thread.currentThread();
      }
      return claimed;
    }

    void taskEnded() {
      if (Thread.currentThread() == claimer) {
        claimingTaskEnded.countDown();
      }
    }
  }
}
