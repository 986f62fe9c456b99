package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.journal.jdbc.IntegrityProblem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the database engines the journal runs on: types, how a write transaction
 * takes its locks, how claims skip rows another client holds, session settings, and the engine's
 * own integrity check. Everything else is the same SQL. Implementations are stateless and
 * threadsafe.
 */
public interface Dialect {

  /** "SQLite" or "PostgreSQL". */
  String name();

  /** The column definition of an increasing row key that orders rows by insertion. */
  String sequenceKey();

  /** What a claim's SELECT ends with so that two clients never lock the same row. */
  String claimLocking();

  /** Session settings for a connection just opened (durability, timeouts, modes). */
  void configure(Connection connection, Durability durability, boolean writer) throws SQLException;

  /** Starts a write transaction that holds the write lock until it ends. */
  void begin(Connection writer) throws SQLException;

  void commit(Connection writer) throws SQLException;

  void rollback(Connection writer) throws SQLException;

  /** Starts a read-only transaction that sees one consistent state of the journal. */
  void beginSnapshot(Connection reader) throws SQLException;

  /** Ends what {@link #beginSnapshot} started. */
  void endSnapshot(Connection reader) throws SQLException;

  /** Serializes schema creation and upgrades among clients starting at once. */
  void lockSchema(Connection writer) throws SQLException;

  boolean tableExists(Connection connection, String table) throws SQLException;

  /** A failure a retry of the whole transaction may get past (deadlock, serialization). */
  boolean isTransient(SQLException failure);

  /** The engine says its storage is damaged. */
  boolean isCorruption(SQLException failure);

  /** The engine's own check of its storage; empty when it finds nothing. */
  List<IntegrityProblem> checkStorage(Connection connection) throws SQLException;
}
