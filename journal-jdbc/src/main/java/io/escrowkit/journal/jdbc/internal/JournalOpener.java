package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.JournalFailureException;
import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.journal.jdbc.IntegrityProblem;
import io.escrowkit.journal.jdbc.IntegrityProblem.Kind;
import io.escrowkit.journal.jdbc.IntegrityReport;
import io.escrowkit.journal.jdbc.JdbcJournalException;
import io.escrowkit.journal.jdbc.JournalDamagedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a journal: creates or upgrades its schema, checks it, and refuses a damaged one unless told
 * to recover what it can (an SQLite file is then moved aside and its readable rows copied into a
 * new journal; a PostgreSQL journal is opened as it is, with its problems logged). Threadsafe
 * (stateless).
 */
public final class JournalOpener {
  private static final Logger log = LoggerFactory.getLogger(JournalOpener.class);

  private JournalOpener() {}

  /** How to open. Immutable. */
  public record Settings(
      Durability durability,
      int groupCommit,
      boolean recoverDamaged,
      boolean checkOnOpen,
      Clock clock) {
    public Settings {
      Objects.requireNonNull(durability, "durability");
      Objects.requireNonNull(clock, "clock");
    }
  }

  /** An open journal's parts and what the check found when opening it. */
  public record Opened(
      Database database, GroupCommitter writer, IntegrityReport report, Optional<Path> file) {}

  public static Opened sqlite(Path file, Settings settings) {
    Path path = file.toAbsolutePath();
    Dialect dialect = new SqliteDialect();
    ConnectionSource source =
        driver(SqliteFiles.url(path), new Properties(), "SQLite", "org.xerial:sqlite-jdbc");
    SqliteFiles.createIfMissing(
        path,
        connection -> {
          dialect.configure(connection, settings.durability(), true);
          dialect.begin(connection);
          Schema.prepare(connection, dialect, nowNanos(settings), path.toString());
          dialect.commit(connection);
          return null;
        });
    IntegrityReport report = inspect(path, source, dialect, settings);
    if (!report.healthy()) {
      refuseUnlessRecovering(report, settings);
      if (report.problems().stream()
          .anyMatch(p -> p.kind() == Kind.STORAGE || p.kind() == Kind.SCHEMA)) {
        report = salvage(path, source, dialect, settings, report);
      } else {
        log.warn("opening journal {} despite its problems, as asked: {}", path, report.summary());
      }
    }
    Database database = new Database(source, dialect, settings.durability(), path.toString());
    return new Opened(database, prepare(database, settings), report, Optional.of(path));
  }

  public static Opened postgres(String url, String user, String password, Settings settings) {
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    ConnectionSource source = driver(url, credentials, "PostgreSQL", "org.postgresql:postgresql");
    int query = url.indexOf('?');
    String where = query < 0 ? url : url.substring(0, query);
    return openDatabase(
        new Database(source, new PostgresDialect(), settings.durability(), where), settings);
  }

  public static Opened dataSource(DataSource dataSource, Settings settings) {
    ConnectionSource source = dataSource::getConnection;
    Dialect dialect;
    String where;
    try (Connection probe = source.open()) {
      String product = probe.getMetaData().getDatabaseProductName();
      where = probe.getMetaData().getURL();
      if ("SQLite".equalsIgnoreCase(product)) {
        dialect = new SqliteDialect();
      } else if ("PostgreSQL".equalsIgnoreCase(product)) {
        dialect = new PostgresDialect();
      } else {
        throw new JdbcJournalException(
            "the journal runs on SQLite or PostgreSQL, not on " + product + " (" + where + ")");
      }
    } catch (SQLException e) {
      throw new JdbcJournalException("could not connect to the journal's data source: " + e, e);
    }
    return openDatabase(
        new Database(source, dialect, settings.durability(), where == null ? "data source" : where),
        settings);
  }

  private static Opened openDatabase(Database database, Settings settings) {
    GroupCommitter writer = prepare(database, settings);
    try {
      IntegrityReport report =
          settings.checkOnOpen()
              ? database.readSnapshot(
                  "integrity check",
                  connection ->
                      IntegrityChecker.check(
                          connection, database.dialect(), database.description(), List.of()))
              : new IntegrityReport(database.description(), List.of(), 0);
      if (!report.healthy()) {
        refuseUnlessRecovering(report, settings);
        log.warn(
            "opening journal {} despite its problems, as asked: {}",
            database.description(),
            report.summary());
      }
      return new Opened(database, writer, report, Optional.empty());
    } catch (RuntimeException e) {
      closeInto(writer, database, e);
      throw e;
    }
  }

  /** Creates or upgrades the schema with the journal's own writer. */
  private static GroupCommitter prepare(Database database, Settings settings) {
    GroupCommitter writer = new GroupCommitter(database, settings.groupCommit());
    try {
      writer.submit(
          "schema preparation",
          connection ->
              Schema.prepare(
                  connection, database.dialect(), nowNanos(settings), database.description()));
      return writer;
    } catch (JournalFailureException e) {
      JdbcJournalException failure =
          e.getCause() instanceof JdbcJournalException
              ? (JdbcJournalException) e.getCause()
              : new JdbcJournalException("could not open journal " + database.description(), e);
      closeInto(writer, database, failure);
      throw failure;
    } catch (RuntimeException e) {
      closeInto(writer, database, e);
      throw e;
    }
  }

  /** Looks at an SQLite journal before anything writes to it. */
  private static IntegrityReport inspect(
      Path path, ConnectionSource source, Dialect dialect, Settings settings) {
    String where = path.toString();
    List<IntegrityProblem> problems = new ArrayList<>();
    try {
      if (Files.size(path) == 0) {
        problems.add(
            new IntegrityProblem(
                Kind.STORAGE,
                "file " + path,
                "is empty (0 bytes); a journal is never empty, so it was truncated"));
        return new IntegrityReport(where, problems, 0);
      }
    } catch (java.io.IOException e) {
      throw new JdbcJournalException("could not read journal file " + path + ": " + e, e);
    }
    problems.addAll(SqliteFiles.checkLength(path));
    try (Connection connection = source.open()) {
      dialect.configure(connection, settings.durability(), false);
      dialect.beginSnapshot(connection);
      try {
        if (!dialect.tableExists(connection, Schema.VERSION)) {
          problems.add(
              new IntegrityProblem(
                  Kind.SCHEMA,
                  "database",
                  "has no " + Schema.VERSION + " table: not an escrowkit journal"));
          return new IntegrityReport(where, problems, 0);
        }
        Schema.requireKnown(Schema.version(connection), where);
        return settings.checkOnOpen()
            ? IntegrityChecker.check(connection, dialect, where, problems)
            : new IntegrityReport(where, problems, 0);
      } finally {
        dialect.endSnapshot(connection);
      }
    } catch (SQLException e) {
      problems.add(
          new IntegrityProblem(
              Kind.STORAGE,
              "file " + path,
              "cannot be read as an SQLite database: " + e.getMessage()));
      return new IntegrityReport(where, problems, 0);
    }
  }

  /** Moves a damaged SQLite journal aside and copies what can be read into a new one. */
  private static IntegrityReport salvage(
      Path path,
      ConnectionSource source,
      Dialect dialect,
      Settings settings,
      IntegrityReport found) {
    Path aside = SqliteFiles.moveAside(path);
    List<IntegrityProblem> problems = new ArrayList<>(found.problems());
    SqliteFiles.createIfMissing(
        path,
        fresh -> {
          dialect.configure(fresh, settings.durability(), true);
          dialect.begin(fresh);
          Schema.prepare(fresh, dialect, nowNanos(settings), path.toString());
          TableCopier.Copied copied;
          try (Connection damaged = DriverManager.getConnection(SqliteFiles.url(aside))) {
            copied = TableCopier.copy(damaged, fresh);
          } catch (SQLException unreadable) {
            copied =
                new TableCopier.Copied(0, List.of("nothing readable: " + unreadable.getMessage()));
          }
          dialect.commit(fresh);
          String kept =
              "moved to "
                  + aside
                  + "; "
                  + copied.rows()
                  + " rows copied into a new journal"
                  + (copied.failures().isEmpty()
                      ? ""
                      : "; lost: " + String.join("; ", copied.failures()));
          problems.add(new IntegrityProblem(Kind.STORAGE, "file " + path, kept));
          log.warn("journal {} was damaged ({}); {}", path, found.summary(), kept);
          return null;
        });
    return new IntegrityReport(path.toString(), problems, found.problemsOmitted());
  }

  private static void refuseUnlessRecovering(IntegrityReport report, Settings settings) {
    boolean schemaOnly = report.problems().stream().allMatch(p -> p.kind() == Kind.SCHEMA);
    if (!settings.recoverDamaged()) {
      throw new JournalDamagedException(
          "journal "
              + report.journal()
              + " was not opened"
              + (schemaOnly ? " (it is not an escrowkit journal)" : "")
              + "; open it with recoverDamaged(true) to move it aside and keep what can be read"
              + " (SQLite), or to run on it as it is (PostgreSQL)",
          report,
          null);
    }
  }

  private static ConnectionSource driver(
      String url, Properties properties, String engine, String artifact) {
    return () -> {
      try {
        return DriverManager.getConnection(url, properties);
      } catch (SQLException e) {
        if (String.valueOf(e.getMessage()).startsWith("No suitable driver")) {
          throw new JdbcJournalException(
              "no " + engine + " JDBC driver on the classpath for " + url + ": add " + artifact, e);
        }
        throw e;
      }
    };
  }

  private static long nowNanos(Settings settings) {
    return Instants.toNanos(settings.clock().instant());
  }

  private static void closeInto(GroupCommitter writer, Database database, Throwable primary) {
    try {
      writer.close();
    } catch (RuntimeException e) {
      primary.addSuppressed(e);
    }
    try {
      database.close();
    } catch (RuntimeException e) {
      primary.addSuppressed(e);
    }
  }
}
