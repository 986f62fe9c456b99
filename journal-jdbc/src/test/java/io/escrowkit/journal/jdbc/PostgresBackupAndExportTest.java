package io.escrowkit.journal.jdbc;

import io.escrowkit.journal.jdbc.testing.JournalEngine;
import java.nio.file.Path;

/** A PostgreSQL journal backs up into an SQLite file that opens as a journal. */
class PostgresBackupAndExportTest extends BackupAndExportTest {
  @Override
  protected JournalEngine newEngine(Path dir) {
    return JournalEngine.postgres();
  }
}
