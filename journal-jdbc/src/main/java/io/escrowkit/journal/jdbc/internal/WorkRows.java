package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.spi.WorkItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue of work owed to the host, in the order it was queued. A claim is a lease: the row's
 * {@code leased_until} is set, and until then no other claim returns the row. On PostgreSQL the
 * claim's SELECT skips rows another transaction has locked, so concurrent claims from several
 * instances never return the same item; on SQLite the write lock does the same. Threadsafe
 * (stateless).
 */
final class WorkRows {
  private static final String COLUMNS =
      "id, kind, escrow_id, operation_id, reason_code, attempts," + " not_before, created_at";

  private WorkRows() {}

  static void enqueue(Connection connection, WorkItem item) throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO "
                + Schema.WORK
                + " ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " kind = excluded.kind, escrow_id = excluded.escrow_id,"
                + " operation_id = excluded.operation_id, reason_code = excluded.reason_code,"
                + " attempts = excluded.attempts, not_before = excluded.not_before,"
                + " created_at = excluded.created_at")) {
      upsert.setString(1, item.id());
      upsert.setString(2, item.kind().name());
      upsert.setString(3, item.escrowId());
      upsert.setString(4, item.operationId());
      upsert.setString(5, item.reasonCode());
      upsert.setInt(6, item.attempts());
      upsert.setLong(7, Instants.toNanos(item.notBefore()));
      upsert.setLong(8, Instants.toNanos(item.createdAt()));
      upsert.executeUpdate();
    }
  }

  static void complete(Connection connection, String workId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM " + Schema.WORK + " WHERE id = ?")) {
      delete.setString(1, workId);
      delete.executeUpdate();
    }
  }

  static List<WorkItem> claim(
      Connection connection, Dialect dialect, Instant now, int limit, Duration lease)
      throws SQLException {
    if (limit <= 0) {
      return List.of();
    }
    long nowNanos = Instants.toNanos(now);
    List<WorkItem> claimed = new ArrayList<>();
    List<Long> rows = new ArrayList<>();
    try (PreparedStatement due =
        connection.prepareStatement(
            "SELECT seq, "
                + COLUMNS
                + " FROM "
                + Schema.WORK
                + " WHERE not_before <= ?"
                + " AND (leased_until IS NULL OR leased_until <= ?) ORDER BY seq LIMIT ?"
                + dialect.claimLocking())) {
      due.setLong(1, nowNanos);
      due.setLong(2, nowNanos);
      due.setInt(3, limit);
      try (ResultSet found = due.executeQuery()) {
        while (found.next()) {
          rows.add(found.getLong(1));
          claimed.add(item(found, 2));
        }
      }
    }
    if (!rows.isEmpty()) {
      long until = Instants.toNanos(now.plus(lease));
      try (PreparedStatement take =
          connection.prepareStatement(
              "UPDATE " + Schema.WORK + " SET leased_until = ? WHERE seq = ?")) {
        for (long row : rows) {
          take.setLong(1, until);
          take.setLong(2, row);
          take.addBatch();
        }
        take.executeBatch();
      }
    }
    return claimed;
  }

  static Void reschedule(Connection connection, String workId, int attempts, Instant notBefore)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + Schema.WORK
                + " SET attempts = ?, not_before = ?, leased_until = NULL WHERE id = ?")) {
      update.setInt(1, attempts);
      update.setLong(2, Instants.toNanos(notBefore));
      update.setString(3, workId);
      update.executeUpdate();
    }
    return null;
  }

  static List<WorkItem> pending(Connection connection) throws SQLException {
    List<WorkItem> items = new ArrayList<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM " + Schema.WORK + " ORDER BY seq");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        items.add(item(rows, 1));
      }
    }
    return items;
  }

  /**
   * The items owed for escrows of {@code terminalId}, in queue order: each queued row joined to
   * its escrow by primary key, so the read costs what the queue holds, not what the journal does.
   */
  static List<WorkItem> pendingOfTerminal(Connection connection, String terminalId)
      throws SQLException {
    List<WorkItem> items = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM " + Schema.WORK + " WHERE EXISTS (SELECT 1 FROM "
                + Schema.ESCROW + " e WHERE e.id = " + Schema.WORK + ".escrow_id"
                + " AND e.terminal_id = ?) ORDER BY seq")) {
      query.setString(1, terminalId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          items.add(item(rows, 1));
        }
      }
    }
    return items;
  }

  /** The item in the current row, whose columns start at {@code first}. */
  private static WorkItem item(ResultSet row, int first) throws SQLException {
    String id = row.getString(first);
    return new WorkItem(
        id,
        Codes.parse(WorkItem.Kind.class, row.getString(first + 1), "$work[" + id + "].kind"),
        row.getString(first + 2),
        row.getString(first + 3),
        row.getString(first + 4),
        row.getInt(first + 5),
        Instants.fromNanos(row.getLong(first + 6)),
        Instants.fromNanos(row.getLong(first + 7)));
  }
}
