package io.escrowkit.journal.jdbc;

import static io.escrowkit.journal.jdbc.testing.Samples.T0;
import static io.escrowkit.journal.jdbc.testing.Samples.approved;
import static io.escrowkit.journal.jdbc.testing.Samples.created;
import static io.escrowkit.journal.jdbc.testing.Samples.holdPending;
import static io.escrowkit.journal.jdbc.testing.Samples.intent;
import static io.escrowkit.journal.jdbc.testing.Samples.moved;
import static io.escrowkit.journal.jdbc.testing.Samples.next;
import static io.escrowkit.journal.jdbc.testing.Samples.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.spi.JournalWrite;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link InMemoryJournal#withCapacity}: past its capacity the journal forgets the settled escrow
 * changed longest ago, with its history and keys, and never a live hold or one with a request
 * pending, in doubt, owed work or a key without its result.
 */
class BoundedInMemoryJournalTest {
  private final InMemoryJournal journal = InMemoryJournal.withCapacity(2);

  @Test
  void forgetsTheLeastRecentlyChangedSettledEscrowWithItsHistoryAndKeys() {
    settled("esc_1");
    EscrowSnapshot second = settled("esc_2");
    journal.write(moved(second, next(second, EscrowState.VOIDED, T0))); // esc_2 changed last
    assertThat(journal.history("esc_1")).hasSize(3);

    settled("esc_3");

    assertThat(journal.find("esc_1")).isEmpty();
    assertThat(journal.findByReference("ref-esc_1")).isEmpty();
    assertThat(journal.history("esc_1")).isEmpty();
    assertThat(journal.idempotency("key_esc_1")).isEmpty();
    assertThat(journal.find("esc_2")).isPresent();
    assertThat(journal.find("esc_3")).isPresent();
    assertThat(journal.idempotency("key_esc_3")).isPresent();
  }

  @Test
  void neverForgetsALiveHoldARequestPendingOrOwedWork() {
    held("esc_h");
    EscrowSnapshot pending = holdPending("esc_p", "ref-esc_p", T0);
    journal.write(created(pending).withIdempotency(intent("key_esc_p", "esc_p")));
    EscrowSnapshot owing = held("esc_o");
    EscrowSnapshot captured = next(owing, EscrowState.CAPTURED, T0);
    journal.write(moved(owing, captured).withEnqueued(reversal("work_o", "esc_o", T0)));

    settled("esc_a");

    assertThat(journal.find("esc_a")).isEmpty(); // the only settled one
    assertThat(journal.find("esc_h")).isPresent();
    assertThat(journal.findByStates(Set.of(EscrowState.HELD))).extracting(EscrowSnapshot::id)
        .containsExactly("esc_h");
    assertThat(journal.find("esc_p")).isPresent();
    assertThat(journal.idempotency("key_esc_p")).isPresent();
    assertThat(journal.find("esc_o")).isPresent();

    journal.write(new JournalWrite(Optional.empty(), List.of(), Optional.empty(), List.of(),
        List.of("work_o"))); // its work done, esc_o is settled now
    settled("esc_b");

    assertThat(journal.find("esc_o")).isEmpty();
    assertThat(journal.find("esc_h")).isPresent();
  }

  @Test
  void neverForgetsAnEscrowWhileOneOfItsKeysWaitsForItsResult() {
    EscrowSnapshot held = held("esc_k");
    EscrowSnapshot captured = next(held, EscrowState.CAPTURED, T0);
    journal.write(moved(held, captured).withIdempotency(intent("key_capture_k", "esc_k")));

    settled("esc_a");
    settled("esc_b");

    assertThat(journal.find("esc_k")).isPresent();
    assertThat(journal.find("esc_a")).isEmpty();

    journal.write(new JournalWrite(Optional.empty(), List.of(),
        Optional.of(intent("key_capture_k", "esc_k").withResult(approved(captured,
            "key_capture_k"))), List.of(), List.of()));
    settled("esc_c");

    assertThat(journal.find("esc_k")).isEmpty();
    assertThat(journal.idempotency("key_capture_k")).isEmpty();
    assertThat(journal.idempotency("key_esc_k")).isEmpty();
  }

  @Test
  void keysWrittenForAnEscrowForgottenBeforeAreForgottenInTheirTurn() {
    EscrowSnapshot first = settled("esc_1");
    settled("esc_2");
    settled("esc_3"); // esc_1 forgotten
    assertThat(journal.find("esc_1")).isEmpty();

    // An operation on esc_1 refused after it was forgotten records its key with the refusal.
    journal.write(new JournalWrite(Optional.empty(), List.of(),
        Optional.of(intent("key_late_1", "esc_1").withResult(approved(first, "key_late_1"))),
        List.of(), List.of()));
    assertThat(journal.idempotency("key_late_1")).isPresent();

    settled("esc_4");
    settled("esc_5");

    assertThat(journal.idempotency("key_late_1")).isEmpty();
    assertThat(journal.find("esc_5")).isPresent();
  }

  @Test
  void liveHoldsAtTheFrontDoNotKeepSettledEscrowsBehindThemFromBeingForgotten() {
    InMemoryJournal small = InMemoryJournal.withCapacity(10);
    for (int i = 0; i < 100; i++) {
      held(small, "esc_live_" + i);
    }
    for (int i = 0; i < 200; i++) {
      settled(small, "esc_done_" + i);
    }

    for (int i = 0; i < 100; i++) {
      assertThat(small.find("esc_live_" + i)).as("live hold %d", i).isPresent();
    }
    long settledKept = java.util.stream.IntStream.range(0, 200)
        .filter(i -> small.find("esc_done_" + i).isPresent()).count();
    assertThat(settledKept).isLessThanOrEqualTo(10);
  }

  @Test
  void aForgottenEscrowsReferenceStillFindsANewerEscrowWithIt() {
    settled("esc_1");
    EscrowSnapshot again = holdPending("esc_1b", "ref-esc_1", T0);
    journal.write(created(again));
    journal.write(moved(again, next(again, EscrowState.HELD, T0)));
    settled("esc_2");

    assertThat(journal.find("esc_1")).isEmpty();
    assertThat(journal.findByReference("ref-esc_1")).map(EscrowSnapshot::id).contains("esc_1b");
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> InMemoryJournal.withCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity must be positive: 0");
  }

  private EscrowSnapshot held(String id) {
    return held(journal, id);
  }

  private EscrowSnapshot settled(String id) {
    return settled(journal, id);
  }

  /** Writes an escrow through hold pending (with its key) to HELD (with the key's result). */
  private static EscrowSnapshot held(InMemoryJournal into, String id) {
    EscrowSnapshot pending = holdPending(id, "ref-" + id, T0);
    into.write(created(pending).withIdempotency(intent("key_" + id, id)));
    EscrowSnapshot held = next(pending, EscrowState.HELD, T0);
    JournalWrite done =
        moved(pending, held)
            .withIdempotency(intent("key_" + id, id).withResult(approved(held, "key_" + id)));
    into.write(done);
    return held;
  }

  /** An escrow held, then captured in full: no money left held on the card. */
  private static EscrowSnapshot settled(InMemoryJournal into, String id) {
    EscrowSnapshot held = held(into, id);
    EscrowSnapshot captured = next(held, EscrowState.CAPTURED, T0);
    into.write(moved(held, captured));
    return captured;
  }
}
