package io.escrowkit.journal.jdbc;

import io.escrowkit.journal.jdbc.internal.JournalOpener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Configures a {@link JdbcJournal}. Required: one database, {@link #sqlite}, {@link #postgres} or
 * {@link #dataSource}. Each setting may be given once; {@link #build()} opens the journal with a
 * copy of the settings. Not threadsafe.
 *
 * <pre>{@code
 * JdbcJournal journal = JdbcJournal.builder()
 *     .postgres("jdbc:postgresql://db:5432/escrow", "escrow", password)
 *     .durability(Durability.DURABLE)
 *     .build();
 * }</pre>
 */
public final class JdbcJournalBuilder {
  /** Writes committed together at most, by default. */
  public static final int DEFAULT_GROUP_COMMIT = 64;

  private String database;
  private Path sqliteFile;
  private String url;
  private String user;
  private String password;
  private DataSource dataSource;
  private Durability durability;
  private Integer groupCommit;
  private Boolean recoverDamaged;
  private Boolean checkOnOpen;
  private Clock clock;

  JdbcJournalBuilder() {}

  /** An SQLite journal in {@code file}, created (with its directories) if it does not exist. */
  public JdbcJournalBuilder sqlite(Path file) {
    database("sqlite");
    this.sqliteFile = Objects.requireNonNull(file, "file");
    return this;
  }

  /** A PostgreSQL journal; its tables are created in the connection's current schema. */
  public JdbcJournalBuilder postgres(String url, String user, String password) {
    database("postgres");
    this.url = Objects.requireNonNull(url, "url");
    this.user = Objects.requireNonNull(user, "user");
    this.password = Objects.requireNonNull(password, "password");
    return this;
  }

  /**
   * A journal on the caller's data source (SQLite or PostgreSQL, told apart by the driver). The
   * journal keeps a few connections open; a pooling data source should allow five or more. Without
   * a file, an SQLite journal's file-level checks and salvage are not available.
   */
  public JdbcJournalBuilder dataSource(DataSource dataSource) {
    database("dataSource");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    return this;
  }

  /** How durable a write is when it returns; default {@link Durability#DURABLE}. */
  public JdbcJournalBuilder durability(Durability durability) {
    once(this.durability, "durability");
    this.durability = Objects.requireNonNull(durability, "durability");
    return this;
  }

  /**
   * Commits up to {@code maxWritesPerCommit} writes that arrive together in one transaction;
   * default {@value #DEFAULT_GROUP_COMMIT}, 1 for a commit per write. Grouping never weakens
   * durability: each write returns after the commit that holds it, and a write that conflicts is
   * rolled back alone. It only helps when several threads (or escrows) write at once.
   */
  public JdbcJournalBuilder groupCommit(int maxWritesPerCommit) {
    once(this.groupCommit, "groupCommit");
    if (maxWritesPerCommit < 1) {
      throw new IllegalArgumentException(
          "groupCommit must be at least 1, got " + maxWritesPerCommit);
    }
    this.groupCommit = maxWritesPerCommit;
    return this;
  }

  /**
   * Whether to open a journal the integrity check finds damaged; default false (opening fails with
   * {@link JournalDamagedException}). When true, a damaged SQLite file is moved aside (to {@code
   * <file>.damaged-<n>}) and the rows that can still be read are copied into a new journal; a
   * journal whose rows merely disagree (orphans, unreadable documents) is opened as it is. Either
   * way the problems are logged and kept in {@link JdbcJournal#openingReport()}.
   */
  public JdbcJournalBuilder recoverDamaged(boolean recover) {
    once(this.recoverDamaged, "recoverDamaged");
    this.recoverDamaged = recover;
    return this;
  }

  /**
   * Whether opening runs the integrity check; default true. It reads the whole journal, so on a
   * large PostgreSQL journal shared by many instances you may turn it off and run {@link
   * JdbcJournal#check()} from diagnostics instead. The schema version is checked either way.
   */
  public JdbcJournalBuilder checkOnOpen(boolean check) {
    once(this.checkOnOpen, "checkOnOpen");
    this.checkOnOpen = check;
    return this;
  }

  /** The clock that stamps schema changes and backups; default the system UTC clock. */
  public JdbcJournalBuilder clock(Clock clock) {
    once(this.clock, "clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Opens the journal: creates or upgrades its schema and checks its integrity.
   *
   * @throws JournalDamagedException if the check finds damage and {@link #recoverDamaged} is off
   * @throws UnsupportedSchemaException if a newer version of this library wrote the journal
   * @throws JdbcJournalException if the database cannot be reached or its driver is missing
   */
  public JdbcJournal build() {
    if (database == null) {
      throw new IllegalStateException(
          "a database is required: sqlite(..), postgres(..) or" + " dataSource(..)");
    }
    JournalOpener.Settings settings =
        new JournalOpener.Settings(
            durability != null ? durability : Durability.DURABLE,
            groupCommit != null ? groupCommit : DEFAULT_GROUP_COMMIT,
            recoverDamaged != null && recoverDamaged,
            checkOnOpen == null || checkOnOpen,
            clock != null ? clock : Clock.systemUTC());
    JournalOpener.Opened opened;
    if (sqliteFile != null) {
      opened = JournalOpener.sqlite(sqliteFile, settings);
    } else if (url != null) {
      opened = JournalOpener.postgres(url, user, password, settings);
    } else {
      opened = JournalOpener.dataSource(dataSource, settings);
    }
    return new JdbcJournal(opened, settings.clock());
  }

  private void database(String chosen) {
    if (database != null) {
      throw new IllegalStateException(
          "the database was already set (" + database + "); " + chosen + " conflicts with it");
    }
    database = chosen;
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
