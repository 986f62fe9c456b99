package io.escrowkit.journal.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the journal's tables row by row from one database to another with the same schema: for a
 * PostgreSQL backup into an SQLite file, and to keep what can still be read of a damaged SQLite
 * journal. A table whose reading fails part way keeps the rows read before the failure, and the
 * failure is reported. Threadsafe (stateless).
 */
public final class TableCopier {
  private TableCopier() {}

  /** What one copy did: rows copied, and each table it could not read to the end. */
  public record Copied(long rows, List<String> failures) {
    public Copied {
      failures = List.copyOf(failures);
    }
  }

  /**
   * Copies every table of the schema except the version table, which the target has already. Writes
   * go to {@code to} in the caller's transaction.
   */
  public static Copied copy(Connection from, Connection to) throws SQLException {
    long rows = 0;
    List<String> failures = new ArrayList<>();
    for (String table : Schema.TABLES) {
      if (table.equals(Schema.VERSION)) {
        continue;
      }
      try (Statement statement = from.createStatement();
          ResultSet source = statement.executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData columns = source.getMetaData();
        int skipped = 0;
        String lastRefusal = "";
        try (PreparedStatement insert = to.prepareStatement(insertSql(table, columns))) {
          while (next(source, table, failures)) {
            try {
              for (int i = 1; i <= columns.getColumnCount(); i++) {
                insert.setObject(i, source.getObject(i));
              }
              insert.executeUpdate();
              rows++;
            } catch (SQLException refused) {
              skipped++;
              lastRefusal = refused.getMessage();
            }
          }
        }
        if (skipped > 0) {
          failures.add(table + ": " + skipped + " unreadable rows skipped (" + lastRefusal + ")");
        }
      } catch (SQLException unreadable) {
        failures.add(table + ": " + unreadable.getMessage());
      }
    }
    return new Copied(rows, failures);
  }

  private static boolean next(ResultSet source, String table, List<String> failures) {
    try {
      return source.next();
    } catch (SQLException stopped) {
      failures.add(table + ": reading stopped: " + stopped.getMessage());
      return false;
    }
  }

  private static String insertSql(String table, ResultSetMetaData columns) throws SQLException {
    StringBuilder names = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (int i = 1; i <= columns.getColumnCount(); i++) {
      names.append(i == 1 ? "" : ", ").append(columns.getColumnName(i));
      marks.append(i == 1 ? "?" : ", ?");
    }
    return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
  }
}
