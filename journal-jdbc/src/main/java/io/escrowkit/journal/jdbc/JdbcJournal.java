package io.escrowkit.journal.jdbc;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import io.escrowkit.journal.jdbc.internal.Backups;
import io.escrowkit.journal.jdbc.internal.Database;
import io.escrowkit.journal.jdbc.internal.DocumentException;
import io.escrowkit.journal.jdbc.internal.GroupCommitter;
import io.escrowkit.journal.jdbc.internal.JournalOpener;
import io.escrowkit.journal.jdbc.internal.JournalStatements;
import io.escrowkit.journal.jdbc.internal.SqlFunction;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.TraceBlock;
import io.escrowkit.spi.WorkItem;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The escrow client's journal in SQLite (embedded: terminals, the demo) or PostgreSQL (several
 * service instances on one database). Every write is one transaction, committed durably (as {@link
 * Durability} says) before {@link #write} returns; writes arriving together share a commit. Several
 * clients (threads, processes, service instances) may share one journal: versions decide
 * conflicting writes, and work is leased to one claimer at a time.
 *
 * <p>Also: {@link #check()} for diagnostics, {@link #backupTo(Path)} while the client runs, and
 * {@link #exportEscrows(Writer, ExportFormat)} for reconciliation. Card data is stored as the
 * masked PAN only.
 *
 * <pre>{@code
 * try (JdbcJournal journal = JdbcJournal.sqlite(Path.of("/data/escrowkit/journal.db"))) {
 *   EscrowClient client = EscrowClient.builder()...journal(journal).build();
 * }
 * }</pre>
 *
 * <p>This class is threadsafe; share one instance per database in a process (it holds one writer
 * connection and a few readers). Close it after the client that uses it.
 */
public final class JdbcJournal implements Journal {
  private final Database database;
  private final GroupCommitter writer;
  private final IntegrityReport openingReport;
  private final Optional<Path> file;
  private final Clock clock;

  JdbcJournal(JournalOpener.Opened opened, Clock clock) {
    this.database = opened.database();
    this.writer = opened.writer();
    this.openingReport = opened.report();
    this.file = opened.file();
    this.clock = clock;
  }

  /** Opens (or creates) a durable SQLite journal in {@code file} with the default settings. */
  public static JdbcJournal sqlite(Path file) {
    return builder().sqlite(file).build();
  }

  public static JdbcJournalBuilder builder() {
    return new JdbcJournalBuilder();
  }

  @Override
  public void write(JournalWrite write) {
    Objects.requireNonNull(write, "write");
    writer.submit(describe(write), JournalStatements.write(write));
  }

  @Override
  public Optional<EscrowSnapshot> find(String escrowId) {
    Objects.requireNonNull(escrowId, "escrowId");
    return read("find escrow " + escrowId, c -> JournalStatements.find(c, escrowId));
  }

  @Override
  public Optional<EscrowSnapshot> findByReference(String reference) {
    Objects.requireNonNull(reference, "reference");
    return read(
        "find reference " + reference, c -> JournalStatements.findByReference(c, reference));
  }

  @Override
  public List<EscrowSnapshot> findByStates(Set<EscrowState> states) {
    Set<EscrowState> copy = Set.copyOf(states);
    return read("find escrows in " + copy, c -> JournalStatements.findByStates(c, copy));
  }

  @Override
  public List<TransitionEvent> history(String escrowId) {
    Objects.requireNonNull(escrowId, "escrowId");
    return read("history of " + escrowId, c -> JournalStatements.history(c, escrowId));
  }

  @Override
  public Optional<IdempotencyRecord> idempotency(String key) {
    Objects.requireNonNull(key, "key");
    return read("idempotency key " + key, c -> JournalStatements.idempotency(c, key));
  }

  @Override
  public List<WorkItem> claimDueWork(Instant now, int limit, Duration lease) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    return decoding(
        "claim work",
        () ->
            writer.submit(
                "claim of due work",
                c -> JournalStatements.claim(c, database.dialect(), now, limit, lease)));
  }

  @Override
  public void rescheduleWork(String workId, int attempts, Instant notBefore) {
    Objects.requireNonNull(workId, "workId");
    Objects.requireNonNull(notBefore, "notBefore");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative: " + attempts);
    }
    writer.submit(
        "reschedule of work " + workId,
        c -> JournalStatements.reschedule(c, workId, attempts, notBefore));
  }

  @Override
  public List<WorkItem> pendingWork() {
    return read("pending work", JournalStatements::pendingWork);
  }

  @Override
  public List<WorkItem> pendingWork(String terminalId) {
    Objects.requireNonNull(terminalId, "terminalId");
    return read("pending work of terminal " + terminalId,
        c -> JournalStatements.pendingWork(c, terminalId));
  }

  @Override
  public long nextTrace(String terminalId) {
    return nextTraces(terminalId, 1)[0];
  }

  @Override
  public long[] nextTraces(String terminalId, int count) {
    Objects.requireNonNull(terminalId, "terminalId");
    TraceBlock.checkCount(count);
    return writer.submit(
        "trace of terminal " + terminalId,
        c -> JournalStatements.nextTraces(c, terminalId, count));
  }

  /**
   * Checks the whole journal: the engine's own storage check (SQLite {@code integrity_check}), the
   * file's length against its header (SQLite file), rows referring to escrows the journal does not
   * hold, escrows whose columns, document and history disagree, unknown values, and every stored
   * document against its checksum. Reads one consistent state while the client runs; never throws
   * for what it finds. Costs a full read of the journal.
   */
  public IntegrityReport check() {
    return database.readSnapshot(
        "integrity check", c -> JournalStatements.check(c, database, file));
  }

  /** What the integrity check found when the journal was opened (healthy unless recovering). */
  public IntegrityReport openingReport() {
    return openingReport;
  }

  /**
   * Writes a consistent copy of the journal, as it is at one moment, to a new SQLite file at {@code
   * target} while the client goes on working. The copy is a journal: open it with {@link
   * #sqlite(Path)}. A PostgreSQL journal is copied the same way (needs sqlite-jdbc).
   *
   * @throws JdbcJournalException if {@code target} exists or the copy fails (no partial copy is
   *     left at {@code target})
   */
  public void backupTo(Path target) {
    Objects.requireNonNull(target, "target");
    Backups.backup(database, target, clock);
  }

  /**
   * Writes every escrow, oldest first, in {@code format}, from one consistent state of the journal;
   * returns how many. The writer is flushed, not closed.
   */
  public int exportEscrows(Writer out, ExportFormat format) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(format, "format");
    return decoding(
        "export",
        () -> database.readSnapshot("export", c -> JournalStatements.export(c, out, format)));
  }

  /** The schema version of the journal's tables. */
  public int schemaVersion() {
    return database.read("schema version", JournalStatements::schemaVersion);
  }

  /** Closes the journal's connections; the journal cannot be used afterwards. */
  @Override
  public void close() {
    try {
      writer.close();
    } finally {
      database.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcJournal[" + database.dialect().name() + " " + database.description() + "]";
  }

  private <T> T read(String what, SqlFunction<T> read) {
    return decoding(what, () -> database.read(what, read));
  }

  /** Turns a stored document that cannot be read back into a report of damage. */
  private <T> T decoding(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (DocumentException damaged) {
      IntegrityReport report =
          new IntegrityReport(
              database.description(),
              List.of(
                  new IntegrityProblem(
                      damaged.unknownValue()
                          ? IntegrityProblem.Kind.UNKNOWN_VALUE
                          : IntegrityProblem.Kind.UNREADABLE,
                      damaged.path(),
                      damaged.getMessage())),
              0);
      throw new JournalDamagedException(
          "journal " + database.description() + " holds a damaged row (" + what + ")",
          report,
          damaged);
    }
  }

  private static String describe(JournalWrite write) {
    return write
        .snapshot()
        .map(s -> "escrow " + s.id() + " v" + s.version() + " " + s.state())
        .orElseGet(
            () -> write.idempotency().map(r -> "idempotency key " + r.key()).orElse("work update"));
  }
}
