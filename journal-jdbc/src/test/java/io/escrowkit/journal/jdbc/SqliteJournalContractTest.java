package io.escrowkit.journal.jdbc;

import io.escrowkit.spi.Journal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an SQLite file. */
class SqliteJournalContractTest extends DurableJournalContractTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("journal.db");
  }

  @Override
  protected Journal openJournal() {
    return JdbcJournal.sqlite(file());
  }

  @Override
  protected JdbcJournal openAnother() {
    return JdbcJournal.sqlite(file());
  }

  @Override
  protected Connection rawConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }
}
