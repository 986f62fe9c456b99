package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import io.escrowkit.journal.jdbc.ExportFormat;
import io.escrowkit.journal.jdbc.IntegrityProblem;
import io.escrowkit.journal.jdbc.IntegrityReport;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.WorkItem;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The journal's statements, each run on the connection (and in the transaction) the caller gives:
 * what {@code JdbcJournal} runs through its writer or on a reader. Threadsafe (stateless).
 */
public final class JournalStatements {
  private JournalStatements() {}

  /** Encodes the write's documents: call before handing the write to the writer. */
  public static SqlFunction<Void> write(JournalWrite write) {
    EscrowRows.Encoded encoded = EscrowRows.encode(write);
    return connection -> EscrowRows.apply(connection, encoded);
  }

  public static Optional<EscrowSnapshot> find(Connection connection, String escrowId)
      throws SQLException {
    return EscrowQueries.find(connection, escrowId);
  }

  public static Optional<EscrowSnapshot> findByReference(Connection connection, String reference)
      throws SQLException {
    return EscrowQueries.findByReference(connection, reference);
  }

  public static List<EscrowSnapshot> findByStates(Connection connection, Set<EscrowState> states)
      throws SQLException {
    return EscrowQueries.findByStates(connection, states);
  }

  public static List<TransitionEvent> history(Connection connection, String escrowId)
      throws SQLException {
    return EscrowQueries.history(connection, escrowId);
  }

  public static Optional<IdempotencyRecord> idempotency(Connection connection, String key)
      throws SQLException {
    return EscrowQueries.idempotency(connection, key);
  }

  public static List<WorkItem> claim(
      Connection connection, Dialect dialect, Instant now, int limit, Duration lease)
      throws SQLException {
    return WorkRows.claim(connection, dialect, now, limit, lease);
  }

  public static Void reschedule(
      Connection connection, String workId, int attempts, Instant notBefore) throws SQLException {
    return WorkRows.reschedule(connection, workId, attempts, notBefore);
  }

  public static List<WorkItem> pendingWork(Connection connection) throws SQLException {
    return WorkRows.pending(connection);
  }

  public static List<WorkItem> pendingWork(Connection connection, String terminalId)
      throws SQLException {
    return WorkRows.pendingOfTerminal(connection, terminalId);
  }

  public static long[] nextTraces(Connection connection, String terminalId, int count)
      throws SQLException {
    return TraceRows.next(connection, terminalId, count);
  }

  public static int schemaVersion(Connection connection) throws SQLException {
    return Schema.version(connection);
  }

  public static int export(Connection connection, Writer out, ExportFormat format)
      throws SQLException {
    return EscrowExport.write(connection, out, format);
  }

  /** The integrity check, with the file-level checks when the journal is an SQLite file. */
  public static IntegrityReport check(Connection connection, Database database, Optional<Path> file)
      throws SQLException {
    List<IntegrityProblem> fileProblems =
        file.isPresent() ? SqliteFiles.checkLength(file.get()) : List.of();
    return IntegrityChecker.check(
        connection, database.dialect(), database.description(), fileProblems);
  }
}
