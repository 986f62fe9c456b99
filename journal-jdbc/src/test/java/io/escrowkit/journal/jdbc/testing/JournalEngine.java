package io.escrowkit.journal.jdbc.testing;

import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.journal.jdbc.JdbcJournalBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One database a test's journals live in: an SQLite file in a temporary directory, or a PostgreSQL
 * database of the test's own. Closing it drops what the test made.
 */
public interface JournalEngine extends AutoCloseable {

  /** A builder pointed at this engine's database; each journal built from it shares the data. */
  JdbcJournalBuilder builder();

  /** A plain connection to the database, to look at or tamper with it. */
  Connection rawConnection() throws SQLException;

  default JdbcJournal open() {
    return builder().build();
  }

  @Override
  void close();

  /** An SQLite journal in {@code dir}/journal.db. */
  static JournalEngine sqlite(Path dir) {
    Path file = dir.resolve("journal.db");
    return new JournalEngine() {
      @Override
      public JdbcJournalBuilder builder() {
        return JdbcJournal.builder().sqlite(file);
      }

      @Override
      public Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
      }

      @Override
      public void close() {}
    };
  }

  /** A new PostgreSQL database (the test is skipped, or fails under CI, without a server). */
  static JournalEngine postgres() {
    PostgresTestDatabase database = PostgresTestDatabase.create();
    return new JournalEngine() {
      @Override
      public JdbcJournalBuilder builder() {
        return database.builder();
      }

      @Override
      public Connection rawConnection() throws SQLException {
        return database.connection();
      }

      @Override
      public void close() {
        database.close();
      }
    };
  }
}
