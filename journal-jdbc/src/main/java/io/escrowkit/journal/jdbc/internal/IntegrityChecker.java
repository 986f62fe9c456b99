package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Operation;
import io.escrowkit.journal.jdbc.IntegrityProblem;
import io.escrowkit.journal.jdbc.IntegrityProblem.Kind;
import io.escrowkit.journal.jdbc.IntegrityReport;
import io.escrowkit.spi.WorkItem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks for damage in a journal: the engine's own storage check, rows that refer to escrows the
 * journal does not hold, escrows whose columns, document and history disagree, values this version
 * does not know, and documents that do not match their checksum or cannot be read. Every finding is
 * a problem in the report; a query the damage breaks is itself a problem, so the check never fails
 * with the engine's exception. Not threadsafe (one check, one instance).
 */
public final class IntegrityChecker {
  private final Connection connection;
  private final Dialect dialect;
  private final List<IntegrityProblem> problems = new ArrayList<>();
  private int omitted;

  private IntegrityChecker(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /** Checks the journal the connection sees, adding to what {@code found} already holds. */
  public static IntegrityReport check(
      Connection connection, Dialect dialect, String journal, List<IntegrityProblem> found) {
    IntegrityChecker checker = new IntegrityChecker(connection, dialect);
    found.forEach(checker::add);
    checker.run();
    return new IntegrityReport(journal, checker.problems, checker.omitted);
  }

  private void run() {
    try {
      dialect.checkStorage(connection).forEach(this::add);
    } catch (SQLException e) {
      add(
          new IntegrityProblem(
              Kind.STORAGE, "database", "storage check failed: " + e.getMessage()));
    }
    String notAnEscrow =
        " WHERE NOT EXISTS (SELECT 1 FROM " + Schema.ESCROW + " e WHERE e.id = x.escrow_id)";
    rows(
        Kind.ORPHAN,
        "SELECT escrow_id, COUNT(*) FROM "
            + Schema.TRANSITION
            + " x"
            + notAnEscrow
            + " GROUP BY escrow_id",
        r -> "transitions of " + r.getString(1),
        r -> r.getLong(2) + " transitions of an escrow the journal does not hold");
    rows(
        Kind.ORPHAN,
        "SELECT idempotency_key, escrow_id FROM " + Schema.IDEMPOTENCY + " x" + notAnEscrow,
        r -> "idempotency key " + r.getString(1),
        r -> "refers to escrow " + r.getString(2) + ", which the journal does not hold");
    rows(
        Kind.ORPHAN,
        "SELECT id, escrow_id FROM " + Schema.WORK + " x" + notAnEscrow,
        r -> "work " + r.getString(1),
        r -> "owed for escrow " + r.getString(2) + ", which the journal does not hold");
    rows(
        Kind.ORPHAN,
        "SELECT reference, escrow_id FROM " + Schema.REFERENCE + " x" + notAnEscrow,
        r -> "reference " + r.getString(1),
        r -> "points to escrow " + r.getString(2) + ", which the journal does not hold");
    rows(
        Kind.INCONSISTENT,
        "SELECT e.id FROM "
            + Schema.ESCROW
            + " e WHERE NOT EXISTS (SELECT 1"
            + " FROM "
            + Schema.TRANSITION
            + " t WHERE t.escrow_id = e.id)",
        r -> "escrow " + r.getString(1),
        r -> "has no history");
    rows(
        Kind.INCONSISTENT,
        "SELECT e.id, e.version, MAX(t.version) FROM "
            + Schema.ESCROW
            + " e JOIN "
            + Schema.TRANSITION
            + " t ON t.escrow_id = e.id GROUP BY e.id, e.version"
            + " HAVING MAX(t.version) <> e.version",
        r -> "escrow " + r.getString(1),
        r ->
            "snapshot is at version "
                + r.getLong(2)
                + " but its history reaches version "
                + r.getLong(3));
    rows(
        Kind.INCONSISTENT,
        "SELECT e.id, e.state, t.to_state FROM "
            + Schema.ESCROW
            + " e JOIN "
            + Schema.TRANSITION
            + " t ON t.seq = (SELECT MAX(l.seq) FROM "
            + Schema.TRANSITION
            + " l WHERE l.escrow_id = e.id) WHERE t.to_state <> e.state",
        r -> "escrow " + r.getString(1),
        r ->
            "snapshot is " + r.getString(2) + " but its last transition went to " + r.getString(3));
    unknown("escrow", Schema.ESCROW, "id", "state", EscrowState.class);
    unknown("transition", Schema.TRANSITION, "seq", "to_state", EscrowState.class);
    unknown("transition", Schema.TRANSITION, "seq", "from_state", EscrowState.class);
    unknown("idempotency key", Schema.IDEMPOTENCY, "idempotency_key", "operation", Operation.class);
    unknown("work", Schema.WORK, "id", "kind", WorkItem.Kind.class);
    documents();
  }

  /** Reads every escrow and every stored result back, as the journal would. */
  private void documents() {
    rows(
        Kind.UNREADABLE,
        "SELECT id, document, checksum, state, version FROM " + Schema.ESCROW,
        r -> "escrow " + r.getString(1),
        r -> {
          try {
            EscrowSnapshot snapshot =
                EscrowQueries.snapshot(r.getString(1), r.getString(2), r.getLong(3));
            if (!snapshot.id().equals(r.getString(1))
                || !snapshot.state().name().equals(r.getString(4))
                || snapshot.version() != r.getLong(5)) {
              add(
                  new IntegrityProblem(
                      Kind.INCONSISTENT,
                      "escrow " + r.getString(1),
                      "columns say "
                          + r.getString(4)
                          + " v"
                          + r.getLong(5)
                          + ", document says "
                          + snapshot.id()
                          + " "
                          + snapshot.state()
                          + " v"
                          + snapshot.version()));
            }
            return null;
          } catch (DocumentException damaged) {
            return damaged;
          }
        });
    rows(
        Kind.UNREADABLE,
        "SELECT fingerprint, escrow_id, operation, result, checksum,"
            + " idempotency_key FROM "
            + Schema.IDEMPOTENCY,
        r -> "idempotency key " + r.getString(6),
        r -> {
          try {
            EscrowQueries.idempotencyRecord(r.getString(6), r);
            return null;
          } catch (DocumentException damaged) {
            return damaged;
          }
        });
  }

  private <E extends Enum<E>> void unknown(
      String what, String table, String idColumn, String column, Class<E> type) {
    StringBuilder known = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      known.append(known.length() == 0 ? "'" : ", '").append(constant.name()).append('\'');
    }
    rows(
        Kind.UNKNOWN_VALUE,
        "SELECT "
            + idColumn
            + ", "
            + column
            + " FROM "
            + table
            + " WHERE "
            + column
            + " IS NOT NULL AND "
            + column
            + " NOT IN ("
            + known
            + ")",
        r -> what + " " + r.getString(1),
        r -> column + " '" + r.getString(2) + "' is not a known " + type.getSimpleName());
  }

  /** A row's part of a finding; returning {@code null} from the detail means "no problem". */
  private interface RowText {
    Object text(ResultSet row) throws SQLException;
  }

  private void rows(Kind kind, String sql, RowText where, RowText detail) {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        Object found = detail.text(rows);
        if (found instanceof DocumentException) {
          DocumentException damaged = (DocumentException) found;
          add(
              new IntegrityProblem(
                  damaged.unknownValue() ? Kind.UNKNOWN_VALUE : kind,
                  String.valueOf(where.text(rows)),
                  damaged.getMessage()));
        } else if (found != null) {
          add(new IntegrityProblem(kind, String.valueOf(where.text(rows)), found.toString()));
        }
      }
    } catch (SQLException | RuntimeException e) {
      add(
          new IntegrityProblem(
              Kind.STORAGE,
              "query",
              "could not read the journal (" + e.getMessage() + ") running: " + sql));
    }
  }

  private void add(IntegrityProblem problem) {
    if (problems.size() < IntegrityReport.MAX_LISTED) {
      problems.add(problem);
    } else {
      omitted++;
    }
  }
}
