package io.escrowkit.journal.jdbc.functional;

import io.escrowkit.journal.jdbc.testing.JournalEngine;

class PostgresClientTest extends ClientOnJournalTest {
  @Override
  protected JournalEngine newEngine() {
    return JournalEngine.postgres();
  }
}
