package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.journal.jdbc.JdbcJournalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;

/**
 * Consistent copies of a running journal into a new SQLite file, which {@code JdbcJournal} can open
 * like any journal. SQLite journals are copied with {@code VACUUM INTO} (one read transaction,
 * compacted); PostgreSQL journals table by table in one repeatable-read snapshot. Either way the
 * copy is built under a temporary name, synced, then linked to the target, so the target is whole
 * or absent. Writers go on while the copy is made. Threadsafe (stateless).
 */
public final class Backups {
  private Backups() {}

  public static void backup(Database database, Path target, Clock clock) {
    Path absolute = target.toAbsolutePath();
    if (Files.exists(absolute)) {
      throw new JdbcJournalException("backup target " + absolute + " exists; choose a new name");
    }
    boolean sqlite = database.dialect() instanceof SqliteDialect;
    boolean linked =
        SqliteFiles.buildThenLink(
            absolute,
            temp -> {
              if (sqlite) {
                database.read(
                    "backup to " + absolute,
                    connection -> {
                      try (PreparedStatement vacuum =
                          connection.prepareStatement("VACUUM INTO ?")) {
                        vacuum.setString(1, temp.toString());
                        vacuum.execute();
                      }
                      return null;
                    });
              } else {
                copyInto(database, temp, clock);
              }
            });
    if (!linked) {
      throw new JdbcJournalException(
          "backup target " + absolute + " appeared while copying;" + " it was left as it is");
    }
  }

  private static void copyInto(Database database, Path temp, Clock clock) {
    SqliteDialect dialect = new SqliteDialect();
    database.readSnapshot(
        "backup of " + database.description(),
        from -> {
          try (Connection to = DriverManager.getConnection(SqliteFiles.url(temp))) {
            dialect.configure(to, Durability.DURABLE, true);
            dialect.begin(to);
            Schema.prepare(to, dialect, Instants.toNanos(clock.instant()), temp.toString());
            TableCopier.Copied copied = TableCopier.copy(from, to);
            if (!copied.failures().isEmpty()) {
              dialect.rollback(to);
              throw new JdbcJournalException(
                  "backup of "
                      + database.description()
                      + " failed: "
                      + String.join("; ", copied.failures()));
            }
            dialect.commit(to);
          }
          return null;
        });
  }
}
