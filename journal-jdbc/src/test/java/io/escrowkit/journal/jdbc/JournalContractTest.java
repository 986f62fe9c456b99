package io.escrowkit.journal.jdbc;

import static io.escrowkit.journal.jdbc.testing.Samples.T0;
import static io.escrowkit.journal.jdbc.testing.Samples.created;
import static io.escrowkit.journal.jdbc.testing.Samples.holdPending;
import static io.escrowkit.journal.jdbc.testing.Samples.moved;
import static io.escrowkit.journal.jdbc.testing.Samples.next;
import static io.escrowkit.journal.jdbc.testing.Samples.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import io.escrowkit.journal.jdbc.testing.Concurrently;
import io.escrowkit.journal.jdbc.testing.Samples;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.WorkItem;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every journal promises, run against the in-memory reference and each durable engine: the
 * same writes give the same reads and the same conflicts.
 */
abstract class JournalContractTest {
  protected static final Duration LEASE = Duration.ofMinutes(1);
  protected Journal journal;

  /** A new, empty journal. */
  protected abstract Journal openJournal();

  @BeforeEach
  void openFresh() {
    journal = openJournal();
  }

  /** Claims due work at T0 a few items at a time until there is none; the ids claimed. */
  protected static List<String> claimAll(Journal claimer) {
    List<String> ids = new java.util.ArrayList<>();
    for (List<WorkItem> got = claimer.claimDueWork(T0, 3, LEASE);
        !got.isEmpty();
        got = claimer.claimDueWork(T0, 3, LEASE)) {
      got.forEach(item -> ids.add(item.id()));
    }
    return ids;
  }

  /** Runs after the journal is closed: drop what the test made. */
  protected void cleanUp() {}

  @AfterEach
  void closeJournal() {
    if (journal == null) {
      return; // skipped: no database
    }
    try {
      journal.close();
    } finally {
      cleanUp();
    }
  }

  @Test
  void writtenSnapshotReadsBackEqualToTheNanosecond() {
    EscrowSnapshot rich = Samples.rich("esc_rich", T0);
    EscrowSnapshot first = holdPending("esc_rich", rich.reference(), T0);
    journal.write(created(first));
    EscrowSnapshot v2 =
        new EscrowSnapshot(
            rich.id(),
            rich.reference(),
            rich.merchantId(),
            rich.terminalId(),
            rich.maskedPan(),
            rich.cardToken(),
            rich.scheme(),
            rich.state(),
            rich.held(),
            rich.captures(),
            rich.refunded(),
            rich.createdAt(),
            rich.updatedAt(),
            rich.expiresAt(),
            rich.hostReferences(),
            rich.pending(),
            rich.resumeState(),
            2);
    journal.write(moved(first, v2));

    assertThat(journal.find("esc_rich")).contains(v2);
    assertThat(journal.findByReference(rich.reference())).contains(v2);
    assertThat(journal.find("esc_none")).isEmpty();
  }

  @Test
  void aNewEscrowMustStartAtVersionOne() {
    EscrowSnapshot v2 = next(holdPending("esc_1", "r", T0), EscrowState.HELD, T0);

    assertThatThrownBy(() -> journal.write(created(v2)))
        .isInstanceOf(JournalConflictException.class)
        .hasMessageContaining("esc_1 is at version 0");
    assertThat(journal.find("esc_1")).isEmpty();
    assertThat(journal.history("esc_1")).isEmpty();
  }

  @Test
  void eachWriteMustBeExactlyOneVersionAhead() {
    EscrowSnapshot v1 = holdPending("esc_1", "r", T0);
    EscrowSnapshot v2 = next(v1, EscrowState.HELD, T0.plusSeconds(1));
    EscrowSnapshot v3 = next(v2, EscrowState.RELEASE_PENDING, T0.plusSeconds(2));
    journal.write(created(v1));

    assertThatThrownBy(() -> journal.write(moved(v2, v3)))
        .isInstanceOf(JournalConflictException.class);
    assertThatThrownBy(() -> journal.write(created(v1)))
        .isInstanceOf(JournalConflictException.class);
    journal.write(moved(v1, v2));
    assertThatThrownBy(() -> journal.write(moved(v1, v2)))
        .isInstanceOf(JournalConflictException.class)
        .hasMessageContaining("is at version 2; write expects 1");

    assertThat(journal.find("esc_1")).contains(v2);
  }

  @Test
  void aConflictingWriteAppliesNothingAtAll() {
    EscrowSnapshot v1 = holdPending("esc_1", "r", T0);
    journal.write(created(v1));

    JournalWrite stale =
        created(v1)
            .withIdempotency(Samples.intent("k-stale", "esc_1"))
            .withEnqueued(reversal("w1", "esc_1", T0));
    assertThatThrownBy(() -> journal.write(stale)).isInstanceOf(JournalConflictException.class);

    assertThat(journal.history("esc_1")).hasSize(1);
    assertThat(journal.idempotency("k-stale")).isEmpty();
    assertThat(journal.pendingWork()).isEmpty();
  }

  @Test
  void aKeyWithoutResultIsInsertedOnlyOnce() {
    EscrowSnapshot v1 = holdPending("esc_1", "r", T0);
    journal.write(created(v1).withIdempotency(Samples.intent("k1", "esc_1")));

    JournalWrite again =
        created(holdPending("esc_2", "r2", T0)).withIdempotency(Samples.intent("k1", "esc_2"));
    assertThatThrownBy(() -> journal.write(again))
        .isInstanceOf(JournalConflictException.class)
        .hasMessageContaining("'k1'");

    assertThat(journal.find("esc_2")).as("nothing of the conflicting write").isEmpty();
    assertThat(journal.idempotency("k1").get().escrowId()).isEqualTo("esc_1");
    assertThat(journal.idempotency("k1").get().result()).isEmpty();
  }

  @Test
  void aKeyWithItsResultIsStoredOverTheIntentAndReadsBackEqual() {
    EscrowSnapshot v1 = holdPending("esc_1", "r", T0);
    IdempotencyRecord intent = Samples.intent("k1", "esc_1");
    journal.write(created(v1).withIdempotency(intent));
    EscrowSnapshot v2 = next(v1, EscrowState.DECLINED, T0.plusSeconds(1));
    IdempotencyRecord answered = intent.withResult(Samples.declined(v2, "k1"));

    journal.write(moved(v1, v2).withIdempotency(answered));

    assertThat(journal.idempotency("k1")).contains(answered);
  }

  @Test
  void aKeyWithItsResultMayBeStoredWithoutAnIntentFirst() {
    EscrowSnapshot v1 = holdPending("esc_1", "r", T0);
    IdempotencyRecord refused =
        Samples.intent("k-refused", "esc_1").withResult(Samples.approved(v1, "k-refused"));

    journal.write(created(v1).withIdempotency(refused));

    assertThat(journal.idempotency("k-refused")).contains(refused);
  }

  @Test
  void historyIsOldestFirst() {
    EscrowSnapshot v1 = holdPending("esc_1", "r", T0);
    EscrowSnapshot v2 = next(v1, EscrowState.HELD, T0.plusMillis(5));
    EscrowSnapshot v3 = next(v2, EscrowState.RELEASE_PENDING, T0.plusMillis(9));
    journal.write(created(v1));
    journal.write(moved(v1, v2));
    journal.write(moved(v2, v3));

    List<TransitionEvent> history = journal.history("esc_1");

    assertThat(history)
        .extracting(TransitionEvent::to)
        .containsExactly(EscrowState.HOLD_PENDING, EscrowState.HELD, EscrowState.RELEASE_PENDING);
    assertThat(history.get(0).from()).isEmpty();
    assertThat(history.get(2)).isEqualTo(Samples.event(v2, v3, "HELD -> RELEASE_PENDING"));
    assertThat(journal.history("esc_none")).isEmpty();
  }

  @Test
  void findByStatesGivesTheEscrowsInThoseStatesOldestFirst() {
    EscrowSnapshot late = holdPending("esc_late", "a", T0.plusSeconds(9));
    EscrowSnapshot early = holdPending("esc_early", "b", T0);
    EscrowSnapshot held = holdPending("esc_held", "c", T0.plusSeconds(1));
    journal.write(created(late));
    journal.write(created(early));
    journal.write(created(held));
    journal.write(moved(held, next(held, EscrowState.HELD, T0.plusSeconds(2))));

    assertThat(journal.findByStates(EnumSet.of(EscrowState.HOLD_PENDING, EscrowState.IN_DOUBT)))
        .extracting(EscrowSnapshot::id)
        .containsExactly("esc_early", "esc_late");
    assertThat(journal.findByStates(Set.of(EscrowState.HELD)))
        .extracting(EscrowSnapshot::id)
        .containsExactly("esc_held");
    assertThat(journal.findByStates(Set.of())).isEmpty();
  }

  @Test
  void findByStatesOrdersEscrowsCreatedTogetherById() {
    for (String id : List.of("esc_c", "esc_a", "esc_d", "esc_b")) {
      journal.write(created(holdPending(id, "r" + id, T0)));
    }
    assertThat(journal.findByStates(Set.of(EscrowState.HOLD_PENDING)))
        .extracting(EscrowSnapshot::id)
        .containsExactly("esc_a", "esc_b", "esc_c", "esc_d");
  }

  @Test
  void findByReferenceGivesTheEscrowLastWrittenWithIt() {
    EscrowSnapshot first = holdPending("esc_1", "room-1208", T0);
    EscrowSnapshot second = holdPending("esc_2", "room-1208", T0.plusSeconds(1));
    journal.write(created(first));
    journal.write(created(second));
    assertThat(journal.findByReference("room-1208").map(EscrowSnapshot::id)).contains("esc_2");

    journal.write(moved(first, next(first, EscrowState.HELD, T0.plusSeconds(2))));

    assertThat(journal.findByReference("room-1208").map(EscrowSnapshot::id)).contains("esc_1");
    assertThat(journal.findByReference("room-none")).isEmpty();
  }

  @Test
  void dueWorkIsLeasedToOneClaimUntilTheLeaseEnds() {
    journal.write(
        created(holdPending("esc_1", "r", T0))
            .withEnqueued(reversal("w1", "esc_1", T0))
            .withEnqueued(reversal("w2", "esc_1", T0.plusSeconds(30)))
            .withEnqueued(reversal("w3", "esc_1", T0.minusSeconds(1))));

    assertThat(journal.claimDueWork(T0, 10, LEASE))
        .extracting(WorkItem::id)
        .containsExactly("w1", "w3");
    assertThat(journal.claimDueWork(T0.plusSeconds(59), 10, LEASE))
        .extracting(WorkItem::id)
        .containsExactly("w2");
    assertThat(journal.claimDueWork(T0.plus(LEASE), 10, LEASE))
        .extracting(WorkItem::id)
        .containsExactly("w1", "w3");
    assertThat(journal.pendingWork()).extracting(WorkItem::id).containsExactly("w1", "w2", "w3");
  }

  @Test
  void pendingWorkOfATerminalIsThatTerminalsInQueueOrder() {
    journal.write(
        created(holdPending("esc_1", "r1", T0)).withEnqueued(reversal("w9", "esc_1", T0)));
    journal.write(created(holdPending("esc_2", "r2", "20000002", T0))
        .withEnqueued(reversal("w2", "esc_2", T0)));
    journal.write(JournalWrite.completing("none").withEnqueued(reversal("w0", "esc_gone", T0)));
    journal.write(created(holdPending("esc_3", "r3", T0))
        .withEnqueued(reversal("w5", "esc_3", T0.minusSeconds(5))));
    journal.claimDueWork(T0, 1, LEASE); // claimed or not, it is still owed

    assertThat(journal.pendingWork(Samples.TERMINAL))
        .extracting(WorkItem::id)
        .containsExactly("w9", "w5"); // queue order; w0's escrow is not in the journal
    assertThat(journal.pendingWork("20000002")).extracting(WorkItem::id).containsExactly("w2");
    assertThat(journal.pendingWork("30000003")).isEmpty();
    journal.write(JournalWrite.completing("w9"));
    assertThat(journal.pendingWork(Samples.TERMINAL))
        .extracting(WorkItem::id)
        .containsExactly("w5");
  }

  @Test
  void claimsTakeAtMostTheLimitInQueueOrder() {
    JournalWrite write = created(holdPending("esc_1", "r", T0));
    for (int i = 0; i < 5; i++) {
      write = write.withEnqueued(reversal("w" + i, "esc_1", T0));
    }
    journal.write(write);

    assertThat(journal.claimDueWork(T0, 2, LEASE))
        .extracting(WorkItem::id)
        .containsExactly("w0", "w1");
    assertThat(journal.claimDueWork(T0, 0, LEASE)).isEmpty();
    assertThat(journal.claimDueWork(T0, 2, LEASE))
        .extracting(WorkItem::id)
        .containsExactly("w2", "w3");
  }

  @Test
  void rescheduledWorkIsFreeAgainAtItsNewTimeWithItsAttempts() {
    journal.write(created(holdPending("esc_1", "r", T0)).withEnqueued(reversal("w1", "esc_1", T0)));
    journal.claimDueWork(T0, 1, LEASE);

    journal.rescheduleWork("w1", 3, T0.plusSeconds(5));

    assertThat(journal.claimDueWork(T0.plusSeconds(4), 1, LEASE)).isEmpty();
    List<WorkItem> again = journal.claimDueWork(T0.plusSeconds(5), 1, LEASE);
    assertThat(again).hasSize(1);
    assertThat(again.get(0).attempts()).isEqualTo(3);
    assertThat(again.get(0).notBefore()).isEqualTo(T0.plusSeconds(5));
    assertThat(again.get(0).createdAt()).isEqualTo(T0.minusSeconds(1));
  }

  @Test
  void reschedulingUnknownWorkChangesNothing() {
    journal.rescheduleWork("w-none", 1, T0);

    assertThat(journal.pendingWork()).isEmpty();
  }

  @Test
  void completedWorkLeavesTheQueue() {
    journal.write(
        created(holdPending("esc_1", "r", T0))
            .withEnqueued(reversal("w1", "esc_1", T0))
            .withEnqueued(reversal("w2", "esc_1", T0)));
    journal.claimDueWork(T0, 1, LEASE);

    journal.write(
        new JournalWrite(
            Optional.empty(), List.of(), Optional.empty(), List.of(), List.of("w1", "w-unknown")));

    assertThat(journal.pendingWork()).extracting(WorkItem::id).containsExactly("w2");
  }

  @Test
  void queueingWorkAgainUnderItsIdReplacesItAndKeepsItsLease() {
    journal.write(
        created(holdPending("esc_1", "r", T0))
            .withEnqueued(reversal("w1", "esc_1", T0))
            .withEnqueued(reversal("w2", "esc_1", T0)));
    journal.claimDueWork(T0, 1, LEASE);
    WorkItem replaced =
        new WorkItem("w1", WorkItem.Kind.ADVICE, "esc_1", "op_x", "06", 4, T0, T0.minusSeconds(9));

    journal.write(
        new JournalWrite(
            Optional.empty(), List.of(), Optional.empty(), List.of(replaced), List.of()));

    assertThat(journal.pendingWork()).containsExactly(replaced, reversal("w2", "esc_1", T0));
    assertThat(journal.claimDueWork(T0, 10, LEASE)).extracting(WorkItem::id).containsExactly("w2");
  }

  @Test
  void traceBlocksContinueTheTerminalsCount() {
    assertThat(journal.nextTraces("T1", 3)).containsExactly(1, 2, 3);
    assertThat(journal.nextTrace("T1")).isEqualTo(4);
    assertThat(journal.nextTraces("T2", 1)).containsExactly(1);
    assertThat(journal.nextTraces("T1", 2)).containsExactly(5, 6);
    assertThatThrownBy(() -> journal.nextTraces("T1", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> journal.nextTraces("T1", 1001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(journal.nextTrace("T1")).isEqualTo(7);
  }

  @Test
  void traceNumbersCountPerTerminalFromOne() {
    assertThat(journal.nextTrace("T1")).isEqualTo(1);
    assertThat(journal.nextTrace("T1")).isEqualTo(2);
    assertThat(journal.nextTrace("T2")).isEqualTo(1);
    assertThat(journal.nextTrace("T1")).isEqualTo(3);
  }

  @Test
  void concurrentClaimsNeverShareAnItem() throws Exception {
    JournalWrite write = created(holdPending("esc_1", "r", T0));
    for (int i = 0; i < 120; i++) {
      write = write.withEnqueued(reversal("w" + i, "esc_1", T0));
    }
    journal.write(write);

    List<String> claimed = Concurrently.collect(8, worker -> claimAll(journal));

    assertThat(claimed).hasSize(120).doesNotHaveDuplicates();
  }

  @Test
  void concurrentWritersOfOneVersionHaveExactlyOneWinner() throws Exception {
    EscrowSnapshot v1 = holdPending("esc_1", "r", T0);
    journal.write(created(v1));
    EscrowState[] outcomes = {EscrowState.HELD, EscrowState.DECLINED, EscrowState.IN_DOUBT};

    List<String> winners =
        Concurrently.collect(
            9,
            worker -> {
              EscrowSnapshot v2 = next(v1, outcomes[worker % 3], T0.plusSeconds(worker));
              try {
                journal.write(moved(v1, v2));
                return List.of(v2.state().name());
              } catch (JournalConflictException lost) {
                return List.of();
              }
            });

    assertThat(winners).hasSize(1);
    assertThat(journal.find("esc_1").get().state().name()).isEqualTo(winners.get(0));
    assertThat(journal.history("esc_1")).hasSize(2);
  }

  @Test
  void concurrentWritersOfManyEscrowsAllLand() throws Exception {
    Concurrently.collect(
        8,
        worker -> {
          for (int i = 0; i < 25; i++) {
            EscrowSnapshot v1 = holdPending("esc_" + worker + "_" + i, "r" + worker, T0);
            journal.write(
                created(v1).withIdempotency(Samples.intent("k" + worker + "_" + i, v1.id())));
            journal.write(moved(v1, next(v1, EscrowState.HELD, T0.plusSeconds(1))));
          }
          return List.of();
        });

    assertThat(journal.findByStates(Set.of(EscrowState.HELD))).hasSize(200);
    assertThat(journal.findByStates(Set.of(EscrowState.HOLD_PENDING))).isEmpty();
    assertThat(journal.idempotency("k7_24")).isPresent();
  }
}
