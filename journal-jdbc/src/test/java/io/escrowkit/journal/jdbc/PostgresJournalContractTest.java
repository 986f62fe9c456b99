package io.escrowkit.journal.jdbc;

import io.escrowkit.journal.jdbc.testing.JournalEngine;

/** The contract on PostgreSQL, each test in a database of its own. */
class PostgresJournalContractTest extends DurableJournalContractTest {
  @Override
  protected JournalEngine newEngine() {
    return JournalEngine.postgres();
  }
}
