package io.escrowkit.journal.jdbc;

import static io.escrowkit.journal.jdbc.testing.Samples.T0;
import static io.escrowkit.journal.jdbc.testing.Samples.created;
import static io.escrowkit.journal.jdbc.testing.Samples.holdPending;
import static io.escrowkit.journal.jdbc.testing.Samples.moved;
import static io.escrowkit.journal.jdbc.testing.Samples.next;
import static io.escrowkit.journal.jdbc.testing.Samples.reversal;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.journal.jdbc.testing.Concurrently;
import io.escrowkit.journal.jdbc.testing.JournalEngine;
import io.escrowkit.journal.jdbc.testing.Samples;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.WorkItem;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract again, plus what only a durable, shareable journal promises. */
abstract class DurableJournalContractTest extends JournalContractTest {

  private JournalEngine engine;

  /** A new database for one test. */
  protected abstract JournalEngine newEngine();

  @Override
  protected final Journal openJournal() {
    engine = newEngine();
    return engine.open();
  }

  @Override
  protected final void cleanUp() {
    engine.close();
  }

  /** Another journal instance on the same database (another process or service instance). */
  private JdbcJournal openAnother() {
    return engine.open();
  }

  private JdbcJournal reopen() {
    journal.close();
    journal = openAnother();
    return (JdbcJournal) journal;
  }

  @Test
  void everythingSurvivesReopening() {
    EscrowSnapshot v1 = holdPending("esc_1", "room-1", T0);
    EscrowSnapshot v2 = next(v1, EscrowState.HELD, T0.plusSeconds(1));
    IdempotencyRecord answered =
        Samples.intent("k1", "esc_1").withResult(Samples.approved(v2, "k1"));
    journal.write(
        created(v1)
            .withEnqueued(reversal("w1", "esc_1", T0))
            .withEnqueued(reversal("w2", "esc_1", T0)));
    journal.write(moved(v1, v2).withIdempotency(answered));
    journal.claimDueWork(T0, 1, LEASE);
    journal.nextTrace("T1");
    List<?> historyBefore = journal.history("esc_1");

    JdbcJournal reopened = reopen();

    assertThat(reopened.find("esc_1")).contains(v2);
    assertThat(reopened.findByReference("room-1")).contains(v2);
    assertThat(reopened.history("esc_1")).isEqualTo(historyBefore);
    assertThat(reopened.idempotency("k1")).contains(answered);
    assertThat(reopened.claimDueWork(T0, 10, LEASE))
        .extracting(WorkItem::id)
        .as("w1's lease survives")
        .containsExactly("w2");
    assertThat(reopened.nextTrace("T1")).isEqualTo(2);
    assertThat(reopened.schemaVersion()).isEqualTo(1);
    assertThat(reopened.check().healthy()).isTrue();
  }

  @Test
  void traceNumbersWrapAfter999999() throws SQLException {
    journal.nextTrace("T1");
    try (Connection raw = engine.rawConnection();
        Statement statement = raw.createStatement()) {
      statement.executeUpdate("UPDATE escrowkit_trace SET last_trace = 999998");
    }

    assertThat(journal.nextTrace("T1")).isEqualTo(999_999);
    assertThat(journal.nextTrace("T1")).isEqualTo(1);
  }

  @Test
  void aTraceBlockWrapsAfter999999() throws SQLException {
    journal.nextTrace("T1");
    try (Connection raw = engine.rawConnection();
        Statement statement = raw.createStatement()) {
      statement.executeUpdate("UPDATE escrowkit_trace SET last_trace = 999997");
    }

    assertThat(journal.nextTraces("T1", 4)).containsExactly(999_998, 999_999, 1, 2);
    assertThat(journal.nextTrace("T1")).isEqualTo(3);
    assertThat(reopen().nextTraces("T1", 2)).containsExactly(4, 5);
  }

  @Test
  void traceNumbersDrawnByTwoInstancesOneOrABlockAtATimeAreAllDifferent() throws Exception {
    try (JdbcJournal other = openAnother()) {
      List<Long> drawn =
          Concurrently.collect(
              6,
              worker -> {
                Journal mine = worker % 2 == 0 ? journal : other;
                List<Long> traces = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                  traces.add(mine.nextTrace("T1"));
                  long[] block = mine.nextTraces("T1", 2); // consecutive, as one draw
                  assertThat(block[1]).isEqualTo(block[0] + 1);
                  traces.add(block[0]);
                  traces.add(block[1]);
                }
                return traces;
              });

      assertThat(drawn).hasSize(180).doesNotHaveDuplicates().allMatch(t -> t >= 1 && t <= 180);
    }
  }

  @Test
  void twoInstancesNeverClaimTheSameItem() throws Exception {
    JournalWrite write = created(holdPending("esc_1", "r", T0));
    for (int i = 0; i < 150; i++) {
      write = write.withEnqueued(reversal("w" + i, "esc_1", T0));
    }
    journal.write(write);

    try (JdbcJournal other = openAnother()) {
      List<String> claimed =
          Concurrently.collect(6, worker -> claimAll(worker % 2 == 0 ? journal : other));

      assertThat(claimed).hasSize(150).doesNotHaveDuplicates();
    }
  }

  @Test
  void twoInstancesWritingOneVersionHaveOneWinner() throws Exception {
    EscrowSnapshot v1 = holdPending("esc_1", "r", T0);
    journal.write(created(v1));

    try (JdbcJournal other = openAnother()) {
      List<Journal> instances = List.of(journal, other);
      List<Integer> winners =
          Concurrently.collect(
              8,
              worker -> {
                EscrowSnapshot v2 = next(v1, EscrowState.HELD, T0.plusSeconds(worker));
                try {
                  instances.get(worker % 2).write(moved(v1, v2));
                  return List.of(worker);
                } catch (JournalConflictException lost) {
                  return List.of();
                }
              });

      assertThat(winners).hasSize(1);
      assertThat(other.find("esc_1").get().updatedAt()).isEqualTo(T0.plusSeconds(winners.get(0)));
    }
  }

  @Test
  void aHealthyJournalChecksHealthy() {
    EscrowSnapshot v1 = holdPending("esc_1", "r", T0);
    journal.write(created(v1).withIdempotency(Samples.intent("k1", "esc_1")));
    journal.write(moved(v1, next(v1, EscrowState.HELD, T0)));

    IntegrityReport report = ((JdbcJournal) journal).check();

    assertThat(report.problems()).isEmpty();
    assertThat(report.summary()).endsWith("is healthy");
  }
}
