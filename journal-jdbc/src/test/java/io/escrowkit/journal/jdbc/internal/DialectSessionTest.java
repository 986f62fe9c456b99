package io.escrowkit.journal.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.journal.jdbc.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durability settings reach the engine's session as the README says. */
class DialectSessionTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"DURABLE, 2", "RELAXED, 1"})
  void sqliteWritesInWalModeSyncingAsDurabilitySays(Durability durability, int synchronous)
      throws SQLException {
    try (Connection writer = DriverManager.getConnection(SqliteFiles.url(dir.resolve("j.db")))) {
      new SqliteDialect().configure(writer, durability, true);

      assertThat(value(writer, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(value(writer, "PRAGMA synchronous")).isEqualTo(Integer.toString(synchronous));
      assertThat(value(writer, "PRAGMA busy_timeout")).isEqualTo("10000");
    }
  }

  @ParameterizedTest
  @CsvSource({"DURABLE, on", "RELAXED, off"})
  void postgresCommitsSynchronouslyAsDurabilitySays(Durability durability, String setting)
      throws SQLException {
    try (PostgresTestDatabase database = PostgresTestDatabase.create();
        Connection writer = database.connection()) {
      new PostgresDialect().configure(writer, durability, true);

      assertThat(value(writer, "SHOW synchronous_commit")).isEqualTo(setting);
      assertThat(writer.getAutoCommit()).isFalse();
      writer.rollback();
    }
  }

  @Test
  void sqliteTransactionsTakeTheWriteLockAtTheStart() throws SQLException {
    Path file = dir.resolve("j.db");
    SqliteDialect dialect = new SqliteDialect();
    try (Connection first = DriverManager.getConnection(SqliteFiles.url(file));
        Connection second = DriverManager.getConnection(SqliteFiles.url(file))) {
      dialect.configure(first, Durability.DURABLE, true);
      dialect.configure(second, Durability.DURABLE, true);
      try (Statement statement = second.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 0");
      }
      dialect.begin(first);

      SQLException busy =
          org.junit.jupiter.api.Assertions.assertThrows(
              SQLException.class, () -> dialect.begin(second));

      assertThat(dialect.isTransient(busy)).isTrue();
      dialect.rollback(first);
    }
  }

  private static String value(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }
}
