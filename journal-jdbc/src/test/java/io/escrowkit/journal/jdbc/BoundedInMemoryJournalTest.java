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
import org.junit.jupiter.api.Test;

/**
 * {@link InMemoryJournal#withCapacity}: past its capacity the journal forgets the escrow changed
 * longest ago that waits on nothing, with its history and keys, and never one with a request
 * pending, in doubt, owed work or a key without its result.
 */
class BoundedInMemoryJournalTest {
  private final InMemoryJournal journal = InMemoryJournal.withCapacity(2);

  @Test
  void forgetsTheLeastRecentlyChangedSettledEscrowWithItsHistoryAndKeys() {
    held("esc_1");
    EscrowSnapshot second = held("esc_2");
    journal.write(moved(second, next(second, EscrowState.CAPTURED, T0))); // esc_2 changed last
    assertThat(journal.history("esc_1")).hasSize(2);

    held("esc_3");

    assertThat(journal.find("esc_1")).isEmpty();
    assertThat(journal.findByReference("ref-esc_1")).isEmpty();
    assertThat(journal.history("esc_1")).isEmpty();
    assertThat(journal.idempotency("key_esc_1")).isEmpty();
    assertThat(journal.find("esc_2")).isPresent();
    assertThat(journal.find("esc_3")).isPresent();
    assertThat(journal.idempotency("key_esc_3")).isPresent();
  }

  @Test
  void neverForgetsAnEscrowWithARequestPendingOrOwedWork() {
    EscrowSnapshot pending = holdPending("esc_p", "ref-esc_p", T0);
    journal.write(created(pending).withIdempotency(intent("key_esc_p", "esc_p")));
    EscrowSnapshot owing = held("esc_o");
    EscrowSnapshot doubt = next(owing, EscrowState.IN_DOUBT, T0);
    journal.write(moved(owing, doubt).withEnqueued(reversal("work_o", "esc_o", T0)));

    EscrowSnapshot third = holdPending("esc_a", "ref-esc_a", T0);
    journal.write(created(third));

    assertThat(journal.find("esc_a")).isPresent(); // over capacity: everything waits on something
    journal.write(moved(third, next(third, EscrowState.HELD, T0)));

    assertThat(journal.find("esc_a")).isEmpty(); // the only one that waits on nothing
    assertThat(journal.find("esc_p")).isPresent();
    assertThat(journal.idempotency("key_esc_p")).isPresent();
    assertThat(journal.find("esc_o")).isPresent();
  }

  @Test
  void aForgottenEscrowsReferenceStillFindsANewerEscrowWithIt() {
    held("esc_1");
    EscrowSnapshot again = holdPending("esc_1b", "ref-esc_1", T0);
    journal.write(created(again));
    journal.write(moved(again, next(again, EscrowState.HELD, T0)));
    held("esc_2");

    assertThat(journal.find("esc_1")).isEmpty();
    assertThat(journal.findByReference("ref-esc_1")).map(EscrowSnapshot::id).contains("esc_1b");
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> InMemoryJournal.withCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity must be positive: 0");
  }

  /** Writes an escrow through hold pending (with its key) to HELD (with the key's result). */
  private EscrowSnapshot held(String id) {
    EscrowSnapshot pending = holdPending(id, "ref-" + id, T0);
    journal.write(created(pending).withIdempotency(intent("key_" + id, id)));
    EscrowSnapshot held = next(pending, EscrowState.HELD, T0);
    JournalWrite done =
        moved(pending, held)
            .withIdempotency(intent("key_" + id, id).withResult(approved(held, "key_" + id)));
    journal.write(done);
    return held;
  }
}
