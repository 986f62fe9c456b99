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
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal file damaged on disk is detected, reported in words, refused by default, and salvaged
 * on request; never an SQLite exception thrown at the caller.
 */
class SqliteCorruptionTest {
  private static final int ESCROWS = 60;
  private static final int PAGE = 4096;
  private final Random garbage = new Random(20261125);
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void writeAJournal() {
    file = dir.resolve("journal.db");
    try (JdbcJournal journal = JdbcJournal.sqlite(file)) {
      for (int i = 0; i < ESCROWS; i++) {
        EscrowSnapshot v1 = holdPending("esc_" + i, "room-" + i, T0.plusSeconds(i));
        journal.write(created(v1));
        journal.write(moved(v1, next(v1, EscrowState.HELD, T0.plusSeconds(i + 1))));
      }
    }
    assertThat(Files.exists(dir.resolve("journal.db-wal"))).as("checkpointed on close").isFalse();
  }

  @Test
  void aTruncatedFileIsReportedAndNotOpened() throws IOException {
    long length = Files.size(file);
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.setLength(length / 2 + 100);
    }

    assertRefused(Kind.STORAGE, "truncated?");
  }

  @Test
  void aFileCutWithinItsHeaderIsReportedAndNotOpened() throws IOException {
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.setLength(50);
    }

    assertRefused(Kind.STORAGE, "cannot be read as an SQLite database");
  }

  @Test
  void anEmptyFileIsReportedAndNotOpened() throws IOException {
    Files.write(file, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);

    assertRefused(Kind.STORAGE, "is empty (0 bytes)");
  }

  @Test
  void garbageAppendedIsReportedAndNotOpened() throws IOException {
    Files.write(file, randomBytes(1000), StandardOpenOption.APPEND);

    assertRefused(Kind.STORAGE, "1000 bytes after the last of its");
  }

  @Test
  void wholePagesOfGarbageAppendedAreReportedToo() throws IOException {
    Files.write(file, randomBytes(2 * PAGE), StandardOpenOption.APPEND);

    assertRefused(Kind.STORAGE, (2 * PAGE) + " bytes after the last of its");
  }

  @Test
  void pagesOverwrittenWithGarbageAreReportedAndNotOpened() throws IOException {
    overwrite(Files.size(file) / 2 / PAGE * PAGE, randomBytes(2 * PAGE));

    assertRefused(Kind.STORAGE, "");
  }

  @Test
  void anOverwrittenHeaderIsReportedAndNotOpened() throws IOException {
    overwrite(0, randomBytes(100));

    assertRefused(Kind.STORAGE, "cannot be read as an SQLite database");
  }

  @Test
  void recoveringAJournalWithGarbageAppendedKeepsEveryRow() throws IOException {
    Files.write(file, randomBytes(777), StandardOpenOption.APPEND);

    try (JdbcJournal journal = JdbcJournal.builder().sqlite(file).recoverDamaged(true).build()) {
      assertThat(journal.openingReport().healthy()).isFalse();
      assertThat(journal.openingReport().summary()).contains("777 bytes after", "rows copied");
      assertThat(journal.findByStates(java.util.Set.of(EscrowState.HELD))).hasSize(ESCROWS);
      assertThat(journal.history("esc_7")).hasSize(2);
      assertThat(journal.check().problems()).isEmpty();
    }
    assertThat(dir.resolve("journal.db.damaged-1")).exists();
  }

  @Test
  void recoveringAnOverwrittenJournalKeepsWhatCanBeReadAndOpens() throws IOException {
    overwrite(Files.size(file) / 2 / PAGE * PAGE, randomBytes(2 * PAGE));

    try (JdbcJournal journal = JdbcJournal.builder().sqlite(file).recoverDamaged(true).build()) {
      assertThat(journal.openingReport().problems())
          .anyMatch(
              p ->
                  p.kind() == Kind.STORAGE
                      && p.detail().startsWith("moved to " + dir.resolve("journal.db.damaged-1")));
      EscrowSnapshot fresh = holdPending("esc_new", "room-new", T0);
      journal.write(created(fresh));
      assertThat(journal.find("esc_new")).contains(fresh);
      assertThat(journal.check().problems()).noneMatch(p -> p.kind() == Kind.STORAGE);
    }
    try (JdbcJournal reopened = JdbcJournal.sqlite(file)) {
      assertThat(reopened.find("esc_new")).isPresent();
    }
  }

  @Test
  void recoveringAFileThatIsNotADatabaseStartsAnEmptyJournalAndKeepsTheFile() throws IOException {
    overwrite(0, randomBytes(100));

    try (JdbcJournal journal = JdbcJournal.builder().sqlite(file).recoverDamaged(true).build()) {
      assertThat(journal.findByStates(java.util.Set.of(EscrowState.HELD))).isEmpty();
      assertThat(journal.check().healthy()).isTrue();
    }
    assertThat(Files.size(dir.resolve("journal.db.damaged-1"))).isGreaterThan(PAGE);
  }

  private void assertRefused(Kind kind, String detail) {
    assertThatThrownBy(() -> JdbcJournal.sqlite(file))
        .isInstanceOfSatisfying(
            JournalDamagedException.class,
            damaged -> {
              assertThat(damaged.report().healthy()).isFalse();
              assertThat(damaged.report().problems())
                  .anyMatch(p -> p.kind() == kind && p.detail().contains(detail));
            })
        .hasMessageContaining("journal " + file.toAbsolutePath() + " was not opened")
        .hasMessageContaining("recoverDamaged(true)");
    assertThat(dir.resolve("journal.db.damaged-1")).doesNotExist();
  }

  private byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    garbage.nextBytes(bytes);
    return bytes;
  }

  private void overwrite(long offset, byte[] bytes) throws IOException {
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(offset);
      raw.write(bytes);
    }
  }
}
