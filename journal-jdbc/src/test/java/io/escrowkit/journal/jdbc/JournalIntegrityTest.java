package io.escrowkit.journal.jdbc;

import static io.escrowkit.journal.jdbc.testing.Samples.T0;
import static io.escrowkit.journal.jdbc.testing.Samples.created;
import static io.escrowkit.journal.jdbc.testing.Samples.holdPending;
import static io.escrowkit.journal.jdbc.testing.Samples.moved;
import static io.escrowkit.journal.jdbc.testing.Samples.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.journal.jdbc.IntegrityProblem.Kind;
import io.escrowkit.journal.jdbc.testing.JournalEngine;
import io.escrowkit.journal.jdbc.testing.Samples;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows that disagree with each other are found by the check, reported with what and where, and a
 * journal holding them is refused at opening unless the caller asks to run on it as it is.
 */
abstract class JournalIntegrityTest {
  private JournalEngine engine;
  private JdbcJournal journal;

  protected abstract JournalEngine newEngine();

  @BeforeEach
  void writeAJournal() {
    engine = newEngine();
    journal = engine.open();
    for (int i = 0; i < 3; i++) {
      EscrowSnapshot v1 = holdPending("esc_" + i, "room-" + i, T0);
      journal.write(created(v1).withIdempotency(Samples.intent("k" + i, v1.id())));
      journal.write(moved(v1, next(v1, EscrowState.HELD, T0.plusSeconds(1))));
    }
  }

  @AfterEach
  void dropIt() {
    if (journal == null) {
      return; // skipped: no database
    }
    try {
      journal.close();
    } finally {
      engine.close();
    }
  }

  @Test
  void rowsOfAnEscrowTheJournalDoesNotHoldAreOrphans() throws SQLException {
    tamper(
        "INSERT INTO escrowkit_transition (escrow_id, version, to_state, cause, at_nanos)"
            + " VALUES ('esc_ghost', 1, 'HELD', 'x', 0)",
        "INSERT INTO escrowkit_work (id, kind, escrow_id, operation_id, reason_code, attempts,"
            + " not_before, created_at) VALUES ('w_ghost', 'REVERSAL', 'esc_ghost', 'op', '98',"
            + " 0, 0, 0)",
        "UPDATE escrowkit_idempotency SET escrow_id = 'esc_gone' WHERE idempotency_key = 'k1'");

    IntegrityReport report = journal.check();

    assertThat(report.problems())
        .filteredOn(p -> p.kind() == Kind.ORPHAN)
        .extracting(IntegrityProblem::where)
        .containsExactlyInAnyOrder(
            "transitions of esc_ghost", "work w_ghost", "idempotency key k1");
    assertThat(report.summary()).startsWith("3 problems in ");
  }

  @Test
  void aSnapshotWhoseVersionDisagreesWithItsHistoryIsInconsistent() throws SQLException {
    tamper("UPDATE escrowkit_escrow SET version = 9 WHERE id = 'esc_2'");

    assertThat(journal.check().problems())
        .contains(
            new IntegrityProblem(
                Kind.INCONSISTENT,
                "escrow esc_2",
                "snapshot is at version 9 but its history reaches version 2"))
        .contains(
            new IntegrityProblem(
                Kind.INCONSISTENT,
                "escrow esc_2",
                "columns say HELD v9, document says esc_2 HELD v2"));
  }

  @Test
  void anEscrowWithoutHistoryIsInconsistent() throws SQLException {
    tamper("DELETE FROM escrowkit_transition WHERE escrow_id = 'esc_0'");

    assertThat(journal.check().problems())
        .containsExactly(new IntegrityProblem(Kind.INCONSISTENT, "escrow esc_0", "has no history"));
  }

  @Test
  void aStateThisVersionDoesNotKnowIsReported() throws SQLException {
    tamper("UPDATE escrowkit_escrow SET state = 'TELEPORTED' WHERE id = 'esc_1'");

    assertThat(journal.check().problems())
        .contains(
            new IntegrityProblem(
                Kind.UNKNOWN_VALUE,
                "escrow esc_1",
                "state 'TELEPORTED' is not a known EscrowState"));
  }

  @Test
  void aTamperedDocumentFailsItsChecksumAndIsNeverReadAsIfSound() throws SQLException {
    tamper(
        "UPDATE escrowkit_escrow SET document = REPLACE(document, '12800', '99900')"
            + " WHERE id = 'esc_1'");

    assertThat(journal.check().problems())
        .contains(
            new IntegrityProblem(
                Kind.UNREADABLE,
                "escrow esc_1",
                "$escrow[esc_1]: checksum does not match the stored snapshot"));
    assertThatThrownBy(() -> journal.find("esc_1"))
        .isInstanceOf(JournalDamagedException.class)
        .hasMessageContaining("holds a damaged row (find escrow esc_1)");
    assertThat(journal.find("esc_0")).isPresent();
  }

  @Test
  void aJournalWithProblemsIsRefusedAtOpeningUnlessAskedToRunOnIt() throws SQLException {
    tamper("DELETE FROM escrowkit_escrow WHERE id = 'esc_0'");
    journal.close();

    assertThatThrownBy(engine::open)
        .isInstanceOfSatisfying(
            JournalDamagedException.class,
            damaged ->
                assertThat(damaged.report().problems())
                    .hasSize(3)
                    .allMatch(p -> p.kind() == Kind.ORPHAN))
        .hasMessageContaining("was not opened");

    journal = engine.builder().recoverDamaged(true).build();
    assertThat(journal.openingReport().problems()).hasSize(3);
    assertThat(journal.find("esc_1")).isPresent();
  }

  @Test
  void withoutTheCheckAtOpeningProblemsAreFoundOnDemand() throws SQLException {
    tamper("DELETE FROM escrowkit_escrow WHERE id = 'esc_0'");
    journal.close();

    journal = engine.builder().checkOnOpen(false).build();

    assertThat(journal.openingReport().healthy()).isTrue();
    assertThat(journal.check().problems()).hasSize(3);
  }

  @Test
  void aJournalWrittenByANewerVersionIsRefusedEvenWhenRecovering() throws SQLException {
    tamper("INSERT INTO escrowkit_schema_version (version, applied_at) VALUES (2, 0)");
    journal.close();

    assertThatThrownBy(() -> engine.builder().recoverDamaged(true).build())
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("has schema version 2, newer than the 1 this version")
        .hasMessageContaining("nothing was changed in the journal");
  }

  private void tamper(String... statements) throws SQLException {
    try (Connection raw = engine.rawConnection();
        Statement statement = raw.createStatement()) {
      for (String sql : statements) {
        statement.executeUpdate(sql);
      }
    }
  }
}
