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
import io.escrowkit.journal.jdbc.internal.RecordCodec;
import io.escrowkit.journal.jdbc.testing.JournalEngine;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while the client writes is a whole journal; exports list every escrow. */
abstract class BackupAndExportTest {
  @TempDir Path dir;
  private JournalEngine engine;
  private JdbcJournal journal;

  protected abstract JournalEngine newEngine(Path dir);

  @BeforeEach
  void open() {
    engine = newEngine(dir);
    journal = engine.open();
  }

  @AfterEach
  void close() {
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
  void aBackupTakenWhileWritingIsAConsistentJournal() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger written = new AtomicInteger();
    CountDownLatch tenWritten = new CountDownLatch(10);
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; writing.get() || i < 20; i++) {
                EscrowSnapshot v1 = holdPending("esc_" + i, "room-" + i, T0.plusSeconds(i));
                journal.write(created(v1));
                journal.write(moved(v1, next(v1, EscrowState.HELD, T0.plusSeconds(i))));
                written.incrementAndGet();
                tenWritten.countDown();
              }
            });
    assertThat(tenWritten.await(1, TimeUnit.MINUTES)).isTrue();
    int before = written.get();
    Path backup = dir.resolve("backups/copy.db");

    journal.backupTo(backup);
    int after = written.get();
    writing.set(false);
    writer.get(1, TimeUnit.MINUTES);

    try (JdbcJournal copy = JdbcJournal.sqlite(backup)) {
      assertThat(copy.check().problems()).isEmpty();
      int copied = copy.findByStates(EnumSet.allOf(EscrowState.class)).size();
      assertThat(copied).isBetween(before, after + 1);
      assertThat(copy.find("esc_0")).isEqualTo(journal.find("esc_0"));
      assertThat(copy.history("esc_0")).isEqualTo(journal.history("esc_0"));
    }
    assertThat(Files.list(dir.resolve("backups"))).containsExactly(backup);
  }

  @Test
  void aBackupNeverOverwritesAFile() throws Exception {
    Path existing = Files.writeString(dir.resolve("precious.db"), "keep me");

    assertThatThrownBy(() -> journal.backupTo(existing))
        .isInstanceOf(JdbcJournalException.class)
        .hasMessageContaining("exists");
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  @Test
  void jsonLinesHoldEveryEscrowOldestFirstAsStored() {
    writeThree();
    StringWriter out = new StringWriter();

    int count = journal.exportEscrows(out, ExportFormat.JSON_LINES);

    List<String> lines = out.toString().lines().toList();
    assertThat(count).isEqualTo(3);
    assertThat(lines).hasSize(3);
    assertThat(RecordCodec.snapshotFromJson(lines.get(0))).isEqualTo(journal.find("esc_b").get());
    assertThat(RecordCodec.snapshotFromJson(lines.get(2))).isEqualTo(journal.find("esc_a").get());
  }

  @Test
  void csvHasAHeaderAndQuotesWhatNeedsQuoting() {
    writeThree();
    StringWriter out = new StringWriter();

    journal.exportEscrows(out, ExportFormat.CSV);

    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0))
        .isEqualTo(
            "id,reference,merchant_id,terminal_id,masked_pan,scheme,state,currency,held,"
                + "captured,refunded,captures,created_at,updated_at,expires_at,version");
    assertThat(lines.get(1))
        .startsWith(
            "esc_b,\"room \"\"B\"\", 2\",898310048990001,10000001,620000******0005,"
                + "UnionPay,HELD,CNY,128.00,0.00,0.00,,2026-11-25T02:00:00.123456789Z,");
    assertThat(out.toString()).contains("\r\n");
  }

  private void writeThree() {
    EscrowSnapshot a = holdPending("esc_a", "room-a", T0.plusSeconds(9));
    EscrowSnapshot b = holdPending("esc_b", "room \"B\", 2", T0);
    EscrowSnapshot c = holdPending("esc_c", "room-c", T0.plusSeconds(5));
    journal.write(created(a));
    journal.write(created(b));
    journal.write(moved(b, next(b, EscrowState.HELD, T0.plusSeconds(1))));
    journal.write(created(c));
  }
}
