package io.escrowkit.journal.jdbc;

import io.escrowkit.journal.jdbc.testing.JournalEngine;
import java.nio.file.Path;

class SqliteBackupAndExportTest extends BackupAndExportTest {
  @Override
  protected JournalEngine newEngine(Path dir) {
    return JournalEngine.sqlite(dir);
  }
}
