package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.journal.jdbc.IntegrityProblem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL: row locks with {@code FOR UPDATE SKIP LOCKED} so that several service instances claim
 * disjoint work, READ COMMITTED writes whose version checks are single conditional statements,
 * {@code synchronous_commit} for durability, and an advisory lock around schema changes. Deadlocks
 * and serialization failures are retried by the writer.
 */
public final class PostgresDialect implements Dialect {
  /** Any fixed number: the advisory lock that serializes schema creation among clients. */
  private static final long SCHEMA_LOCK = 0x6573_6372_6f77_6b69L;

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String sequenceKey() {
    return "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  }

  @Override
  public String claimLocking() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  public void configure(Connection connection, Durability durability, boolean writer)
      throws SQLException {
    connection.setAutoCommit(!writer);
    if (writer) {
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "SET synchronous_commit TO " + (durability == Durability.DURABLE ? "on" : "off"));
        statement.execute("SET lock_timeout TO '30s'");
      }
      connection.commit();
    }
  }

  @Override
  public void begin(Connection writer) {
    // Auto-commit is off: the transaction starts with the first statement.
  }

  @Override
  public void commit(Connection writer) throws SQLException {
    writer.commit();
  }

  @Override
  public void rollback(Connection writer) throws SQLException {
    writer.rollback();
  }

  @Override
  public void beginSnapshot(Connection reader) throws SQLException {
    reader.setAutoCommit(false);
    reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    reader.setReadOnly(true);
  }

  @Override
  public void endSnapshot(Connection reader) throws SQLException {
    try {
      reader.commit();
    } finally {
      reader.setAutoCommit(true);
      reader.setReadOnly(false);
      reader.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  @Override
  public void lockSchema(Connection writer) throws SQLException {
    try (PreparedStatement lock = writer.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, SCHEMA_LOCK);
      lock.executeQuery().close();
    }
  }

  @Override
  public boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name = ?")) {
      query.setString(1, table);
      try (ResultSet found = query.executeQuery()) {
        return found.next();
      }
    }
  }

  @Override
  public boolean isTransient(SQLException failure) {
    String state = String.valueOf(failure.getSQLState());
    return state.equals("40001") || state.equals("40P01") || state.equals("55P03");
  }

  @Override
  public boolean isCorruption(SQLException failure) {
    String state = String.valueOf(failure.getSQLState());
    return state.equals("XX001") || state.equals("XX002");
  }

  @Override
  public List<IntegrityProblem> checkStorage(Connection connection) {
    // PostgreSQL checks its own pages (checksums, amcheck) outside any one client's reach.
    return List.of();
  }
}
