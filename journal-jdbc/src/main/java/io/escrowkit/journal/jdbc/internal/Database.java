package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.journal.jdbc.IntegrityProblem;
import io.escrowkit.journal.jdbc.IntegrityReport;
import io.escrowkit.journal.jdbc.JdbcJournalException;
import io.escrowkit.journal.jdbc.JournalDamagedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * The journal's database: opens configured connections and lends reader connections from a small
 * pool (readers never wait for the writer: WAL on SQLite, MVCC on PostgreSQL). The one writer
 * connection belongs to {@link GroupCommitter}. Threadsafe.
 */
public final class Database implements AutoCloseable {
  private static final int MAX_IDLE_READERS = 4;

  /** Most reads at once; more wait, so a burst of readers cannot exhaust the server's slots. */
  private static final int MAX_READERS = 8;

  private final ConnectionSource source;
  private final Dialect dialect;
  private final Durability durability;
  private final String description;
  private final Deque<Connection> idleReaders = new ArrayDeque<>();
  private final Semaphore readers = new Semaphore(MAX_READERS, true);
  private boolean closed;

  public Database(
      ConnectionSource source, Dialect dialect, Durability durability, String description) {
    this.source = Objects.requireNonNull(source, "source");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.durability = Objects.requireNonNull(durability, "durability");
    this.description = Objects.requireNonNull(description, "description");
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The file path or URL (without credentials), for messages. */
  public String description() {
    return description;
  }

  /** A new connection configured as the writer (the caller owns it). */
  public Connection openWriter() throws SQLException {
    return open(true);
  }

  /** Runs {@code read} on a pooled reader connection, each statement on its own. */
  public <T> T read(String what, SqlFunction<T> read) {
    readers.acquireUninterruptibly();
    try {
      return readOn(what, read);
    } finally {
      readers.release();
    }
  }

  private <T> T readOn(String what, SqlFunction<T> read) {
    Connection connection = borrow(what);
    T result;
    try {
      result = read.apply(connection);
    } catch (SQLException e) {
      JdbcJournalException failure = failure(what, e);
      closeQuietlyInto(connection, failure);
      throw failure;
    } catch (RuntimeException e) {
      closeQuietlyInto(connection, e);
      throw e;
    }
    giveBack(connection);
    return result;
  }

  /** Runs {@code read} in a read-only transaction that sees one consistent state. */
  public <T> T readSnapshot(String what, SqlFunction<T> read) {
    return read(
        what,
        connection -> {
          dialect.beginSnapshot(connection);
          T result;
          try {
            result = read.apply(connection);
          } catch (SQLException | RuntimeException e) {
            try {
              dialect.endSnapshot(connection);
            } catch (SQLException ending) {
              e.addSuppressed(ending);
            }
            throw e;
          }
          dialect.endSnapshot(connection);
          return result;
        });
  }

  /** The exception a failed read becomes: damage when the engine says so, else a failure. */
  public JdbcJournalException failure(String what, SQLException e) {
    if (dialect.isCorruption(e)) {
      IntegrityReport report =
          new IntegrityReport(
              description,
              List.of(
                  new IntegrityProblem(
                      IntegrityProblem.Kind.STORAGE, "database", String.valueOf(e.getMessage()))),
              0);
      return new JournalDamagedException(
          "journal " + description + " is damaged (" + what + ")", report, e);
    }
    return new JdbcJournalException(
        "journal "
            + description
            + ": "
            + what
            + " failed: "
            + e.getMessage()
            + " (SQLState "
            + e.getSQLState()
            + ")",
        e);
  }

  private Connection open(boolean writer) throws SQLException {
    Connection connection = source.open();
    try {
      dialect.configure(connection, durability, writer);
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeQuietlyInto(connection, e);
      throw e;
    }
  }

  private Connection borrow(String what) {
    synchronized (idleReaders) {
      if (closed) {
        throw new IllegalStateException("journal " + description + " is closed (" + what + ")");
      }
      Connection idle = idleReaders.pollFirst();
      if (idle != null) {
        return idle;
      }
    }
    try {
      return open(false);
    } catch (SQLException e) {
      throw failure("opening a connection for " + what, e);
    }
  }

  private void giveBack(Connection connection) {
    synchronized (idleReaders) {
      if (!closed && idleReaders.size() < MAX_IDLE_READERS) {
        idleReaders.addFirst(connection);
        return;
      }
    }
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("closing a connection", e);
    }
  }

  /** Closes {@code connection}, recording a failure to close on {@code primary}. */
  static void closeQuietlyInto(Connection connection, Throwable primary) {
    try {
      connection.close();
    } catch (SQLException e) {
      primary.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    List<Connection> toClose;
    synchronized (idleReaders) {
      closed = true;
      toClose = List.copyOf(idleReaders);
      idleReaders.clear();
    }
    SQLException first = null;
    for (Connection connection : toClose) {
      try {
        connection.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw failure("closing", first);
    }
  }
}
