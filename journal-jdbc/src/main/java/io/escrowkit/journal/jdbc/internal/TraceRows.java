package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.spi.TraceBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Each terminal's system trace audit numbers: 1 to 999999, then 1 again. Counted by one upsert in
 * the writer's transaction, so two clients on one journal never draw the same number, and committed
 * before it is used, so a restart never repeats one. Threadsafe (stateless).
 */
final class TraceRows {
  private TraceRows() {}

  /**
   * Draws {@code count} numbers (1 to 1000, as the journal checked) in one upsert: the counter
   * moves on by {@code count} (wrapping) and the numbers it passed are returned, in order.
   */
  static long[] next(Connection connection, String terminalId, int count) throws SQLException {
    try (PreparedStatement draw =
        connection.prepareStatement(
            "INSERT INTO "
                + Schema.TRACE
                + " (terminal_id, last_trace) VALUES (?, ?) ON CONFLICT (terminal_id) DO UPDATE SET"
                + " last_trace = ("
                + Schema.TRACE
                + ".last_trace + ? - 1) % "
                + TraceBlock.MAX_TRACE
                + " + 1"
                + " RETURNING last_trace")) {
      draw.setString(1, terminalId);
      draw.setLong(2, count);
      draw.setLong(3, count);
      try (ResultSet drawn = draw.executeQuery()) {
        if (!drawn.next()) {
          throw new SQLException("trace counter of terminal " + terminalId + " returned no row");
        }
        return TraceBlock.endingAt(drawn.getLong(1), count);
      }
    }
  }
}
