package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.journal.jdbc.IntegrityProblem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLite: one writer at a time ({@code BEGIN IMMEDIATE} takes the write lock at the start, so a
 * claim's read and its update are never interleaved with another writer's), WAL so readers never
 * wait, {@code synchronous=FULL} for {@link Durability#DURABLE}. Transactions are driven with SQL
 * statements on an auto-commit connection, so any SQLite JDBC driver and data source will do.
 */
public final class SqliteDialect implements Dialect {
  /** How long a connection waits for another process's write lock before failing. */
  static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public String sequenceKey() {
    return "INTEGER PRIMARY KEY";
  }

  @Override
  public String claimLocking() {
    return "";
  }

  @Override
  public void configure(Connection connection, Durability durability, boolean writer)
      throws SQLException {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
      if (writer) {
        try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
          String actual = mode.next() ? mode.getString(1) : "?";
          if (!"wal".equalsIgnoreCase(actual)) {
            throw new SQLException("SQLite refused WAL journal mode (got '" + actual + "')");
          }
        }
      }
      statement.execute(
          "PRAGMA synchronous = " + (durability == Durability.DURABLE ? "FULL" : "NORMAL"));
    }
  }

  @Override
  public void begin(Connection writer) throws SQLException {
    execute(writer, "BEGIN IMMEDIATE");
  }

  @Override
  public void commit(Connection writer) throws SQLException {
    execute(writer, "COMMIT");
  }

  @Override
  public void rollback(Connection writer) throws SQLException {
    execute(writer, "ROLLBACK");
  }

  @Override
  public void beginSnapshot(Connection reader) throws SQLException {
    execute(reader, "BEGIN DEFERRED");
  }

  @Override
  public void endSnapshot(Connection reader) throws SQLException {
    execute(reader, "COMMIT");
  }

  @Override
  public void lockSchema(Connection writer) {
    // BEGIN IMMEDIATE already excludes every other writer.
  }

  @Override
  public boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      query.setString(1, table);
      try (ResultSet found = query.executeQuery()) {
        return found.next();
      }
    }
  }

  @Override
  public boolean isTransient(SQLException failure) {
    return (failure.getErrorCode() & 0xff) == SQLITE_BUSY;
  }

  @Override
  public boolean isCorruption(SQLException failure) {
    int primary = failure.getErrorCode() & 0xff;
    String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
    return primary == SQLITE_CORRUPT
        || primary == SQLITE_NOTADB
        || message.contains("malformed")
        || message.contains("not a database");
  }

  @Override
  public List<IntegrityProblem> checkStorage(Connection connection) throws SQLException {
    List<IntegrityProblem> problems = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA integrity_check(100)")) {
      while (rows.next()) {
        String line = rows.getString(1);
        if (!"ok".equalsIgnoreCase(line)) {
          problems.add(new IntegrityProblem(IntegrityProblem.Kind.STORAGE, "database", line));
        }
      }
    }
    return problems;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
