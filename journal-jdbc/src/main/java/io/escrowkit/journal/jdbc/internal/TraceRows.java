package io.escrowkit.journal.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Each terminal's system trace audit number: 1 to 999999, then 1 again. Counted by one upsert in
 * the writer's transaction, so two clients on one journal never draw the same number, and committed
 * before it is used, so a restart never repeats one. Threadsafe (stateless).
 */
final class TraceRows {
  static final long MAX_TRACE = 999_999;

  private TraceRows() {}

  static long next(Connection connection, String terminalId) throws SQLException {
    try (PreparedStatement draw =
        connection.prepareStatement(
            "INSERT INTO "
                + Schema.TRACE
                + " (terminal_id, last_trace) VALUES (?, 1) ON CONFLICT (terminal_id) DO UPDATE SET"
                + " last_trace = "
                + Schema.TRACE
                + ".last_trace % "
                + MAX_TRACE
                + " + 1"
                + " RETURNING last_trace")) {
      draw.setString(1, terminalId);
      try (ResultSet drawn = draw.executeQuery()) {
        if (!drawn.next()) {
          throw new SQLException("trace counter of terminal " + terminalId + " returned no row");
        }
        return drawn.getLong(1);
      }
    }
  }
}
