package io.escrowkit.journal.jdbc;

import io.escrowkit.journal.jdbc.testing.JournalEngine;

class PostgresJournalIntegrityTest extends JournalIntegrityTest {
  @Override
  protected JournalEngine newEngine() {
    return JournalEngine.postgres();
  }
}
