package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.journal.jdbc.UnsupportedSchemaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The journal's tables and their versions. A new database gets the current schema; an older one is
 * upgraded step by step, each step in the same transaction as its version row; a newer one is
 * refused, untouched. Every table's name starts with {@code escrowkit_}, so the journal can share a
 * PostgreSQL database with the application's own tables.
 *
 * <p>Instants that queries compare are stored as nanoseconds since the epoch; escrow snapshots and
 * operation results are stored as JSON documents (see {@link RecordCodec}) next to the columns that
 * queries and reconciliation need, with a CRC-32C of the document.
 */
public final class Schema {
  /** The schema version this library writes. */
  public static final int CURRENT = 1;

  public static final String VERSION = "escrowkit_schema_version";
  public static final String ESCROW = "escrowkit_escrow";
  public static final String REFERENCE = "escrowkit_reference";
  public static final String TRANSITION = "escrowkit_transition";
  public static final String IDEMPOTENCY = "escrowkit_idempotency";
  public static final String WORK = "escrowkit_work";
  public static final String TRACE = "escrowkit_trace";

  /** Every table of the current schema, in the order a copy must fill them. */
  public static final List<String> TABLES =
      List.of(VERSION, ESCROW, REFERENCE, TRANSITION, IDEMPOTENCY, WORK, TRACE);

  private Schema() {}

  /** The statements that create version 1. */
  static List<String> version1(Dialect dialect) {
    return List.of(
        "CREATE TABLE " + VERSION + " (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
        "CREATE TABLE "
            + ESCROW
            + " (id TEXT PRIMARY KEY, reference TEXT NOT NULL,"
            + " merchant_id TEXT NOT NULL, terminal_id TEXT NOT NULL, masked_pan TEXT NOT NULL,"
            + " state TEXT NOT NULL, version BIGINT NOT NULL, currency TEXT NOT NULL,"
            + " held_minor BIGINT NOT NULL, captured_minor BIGINT NOT NULL,"
            + " refunded_minor BIGINT NOT NULL, created_at BIGINT NOT NULL,"
            + " updated_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
            + " document TEXT NOT NULL, checksum BIGINT NOT NULL)",
        "CREATE INDEX escrowkit_escrow_state ON " + ESCROW + " (state, created_at)",
        "CREATE TABLE " + REFERENCE + " (reference TEXT PRIMARY KEY, escrow_id TEXT NOT NULL)",
        "CREATE TABLE "
            + TRANSITION
            + " (seq "
            + dialect.sequenceKey()
            + ","
            + " escrow_id TEXT NOT NULL, version BIGINT NOT NULL, from_state TEXT,"
            + " to_state TEXT NOT NULL, cause TEXT NOT NULL, at_nanos BIGINT NOT NULL)",
        "CREATE INDEX escrowkit_transition_escrow ON " + TRANSITION + " (escrow_id, seq)",
        "CREATE TABLE "
            + IDEMPOTENCY
            + " (idempotency_key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,"
            + " escrow_id TEXT NOT NULL, operation TEXT NOT NULL, result TEXT,"
            + " checksum BIGINT NOT NULL)",
        "CREATE TABLE "
            + WORK
            + " (seq "
            + dialect.sequenceKey()
            + ", id TEXT NOT NULL UNIQUE,"
            + " kind TEXT NOT NULL, escrow_id TEXT NOT NULL, operation_id TEXT NOT NULL,"
            + " reason_code TEXT NOT NULL, attempts INTEGER NOT NULL,"
            + " not_before BIGINT NOT NULL, created_at BIGINT NOT NULL, leased_until BIGINT)",
        "CREATE INDEX escrowkit_work_due ON " + WORK + " (not_before)",
        "CREATE TABLE " + TRACE + " (terminal_id TEXT PRIMARY KEY, last_trace BIGINT NOT NULL)");
  }

  /**
   * Creates or upgrades the schema in the writer's transaction and returns the version found (0 for
   * a new database).
   *
   * @throws UnsupportedSchemaException if the journal is newer than this library, or the database
   *     holds escrowkit tables without a version
   */
  static int prepare(Connection writer, Dialect dialect, long nowNanos, String where)
      throws SQLException {
    dialect.lockSchema(writer);
    if (!dialect.tableExists(writer, VERSION)) {
      for (String table : TABLES) {
        if (dialect.tableExists(writer, table)) {
          throw new UnsupportedSchemaException(
              "journal "
                  + where
                  + " has table "
                  + table
                  + " but no "
                  + VERSION
                  + ": it was not made by escrowkit-journal-jdbc, or its"
                  + " creation was interrupted; restore a backup or move it aside");
        }
      }
      for (String statement : version1(dialect)) {
        execute(writer, statement);
      }
      recordVersion(writer, 1, nowNanos);
      return 0;
    }
    int found = requireKnown(version(writer), where);
    // Upgrades from older versions go here, one step per version, each recorded with its row.
    return found;
  }

  /**
   * Returns {@code found} if this library can work with a journal of that schema version.
   *
   * @throws UnsupportedSchemaException if it is newer than {@link #CURRENT}, or missing
   */
  static int requireKnown(int found, String where) {
    if (found > CURRENT) {
      throw new UnsupportedSchemaException(
          "journal "
              + where
              + " has schema version "
              + found
              + ", newer than the "
              + CURRENT
              + " this version of escrowkit-journal-jdbc knows;"
              + " upgrade the SDK (nothing was changed in the journal)");
    }
    if (found < 1) {
      throw new UnsupportedSchemaException("journal " + where + " has no schema version row");
    }
    return found;
  }

  /** The highest schema version recorded. */
  public static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT MAX(version) FROM " + VERSION)) {
      return row.next() ? row.getInt(1) : 0;
    }
  }

  private static void recordVersion(Connection writer, int version, long nowNanos)
      throws SQLException {
    try (PreparedStatement insert =
        writer.prepareStatement(
            "INSERT INTO " + VERSION + " (version, applied_at) VALUES (?, ?)")) {
      insert.setInt(1, version);
      insert.setLong(2, nowNanos);
      insert.executeUpdate();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
