package io.escrowkit.journal.jdbc.functional;

import io.escrowkit.journal.jdbc.testing.JournalEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteClientTest extends ClientOnJournalTest {
  @TempDir Path dir;

  @Override
  protected JournalEngine newEngine() {
    return JournalEngine.sqlite(dir);
  }
}
