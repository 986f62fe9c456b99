package io.escrowkit.journal.jdbc;

import io.escrowkit.journal.jdbc.testing.PostgresTestDatabase;
import io.escrowkit.spi.Journal;
import java.sql.Connection;
import java.sql.SQLException;

/** The contract on PostgreSQL, each test in a database of its own. */
class PostgresJournalContractTest extends DurableJournalContractTest {
  private PostgresTestDatabase database;

  @Override
  protected Journal openJournal() {
    database = PostgresTestDatabase.create();
    return database.journal();
  }

  @Override
  protected void cleanUp() {
    database.close();
  }

  @Override
  protected JdbcJournal openAnother() {
    return database.journal();
  }

  @Override
  protected Connection rawConnection() throws SQLException {
    return database.connection();
  }
}
