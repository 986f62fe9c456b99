package io.escrowkit.journal.jdbc;

import io.escrowkit.journal.jdbc.testing.JournalEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalIntegrityTest extends JournalIntegrityTest {
  @TempDir Path dir;

  @Override
  protected JournalEngine newEngine() {
    return JournalEngine.sqlite(dir);
  }
}
