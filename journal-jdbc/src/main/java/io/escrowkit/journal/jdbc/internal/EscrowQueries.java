package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Operation;
import io.escrowkit.TransitionEvent;
import io.escrowkit.spi.IdempotencyRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads escrows, their histories and idempotency keys back into the core's values. A row whose
 * document does not match its checksum or cannot be decoded is a {@link DocumentException} naming
 * the row. Threadsafe (stateless).
 */
final class EscrowQueries {
  private static final String SNAPSHOT = "SELECT e.id, e.document, e.checksum FROM ";

  private EscrowQueries() {}

  static Optional<EscrowSnapshot> find(Connection connection, String escrowId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(SNAPSHOT + Schema.ESCROW + " e WHERE e.id = ?")) {
      query.setString(1, escrowId);
      return first(snapshots(query));
    }
  }

  static Optional<EscrowSnapshot> findByReference(Connection connection, String reference)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            SNAPSHOT
                + Schema.REFERENCE
                + " r JOIN "
                + Schema.ESCROW
                + " e ON e.id = r.escrow_id WHERE r.reference = ?")) {
      query.setString(1, reference);
      return first(snapshots(query));
    }
  }

  static List<EscrowSnapshot> findByStates(Connection connection, Set<EscrowState> states)
      throws SQLException {
    if (states.isEmpty()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder(SNAPSHOT).append(Schema.ESCROW).append(" e WHERE e.state IN (");
    for (int i = 0; i < states.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(") ORDER BY e.created_at, e.id");
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      int index = 1;
      for (EscrowState state : states) {
        query.setString(index++, state.name());
      }
      return snapshots(query);
    }
  }

  static List<TransitionEvent> history(Connection connection, String escrowId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT version, from_state, to_state, cause, at_nanos FROM "
                + Schema.TRANSITION
                + " WHERE escrow_id = ? ORDER BY seq")) {
      query.setString(1, escrowId);
      List<TransitionEvent> events = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String where = "transition of " + escrowId + " v" + rows.getLong(1);
          String from = rows.getString(2);
          events.add(
              new TransitionEvent(
                  escrowId,
                  rows.getLong(1),
                  from == null
                      ? Optional.empty()
                      : Optional.of(Codes.parse(EscrowState.class, from, where + " from_state")),
                  Codes.parse(EscrowState.class, rows.getString(3), where + " to_state"),
                  rows.getString(4),
                  Instants.fromNanos(rows.getLong(5))));
        }
      }
      return events;
    }
  }

  static Optional<IdempotencyRecord> idempotency(Connection connection, String key)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT fingerprint, escrow_id, operation, result, checksum FROM "
                + Schema.IDEMPOTENCY
                + " WHERE idempotency_key = ?")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(idempotencyRecord(key, row));
      }
    }
  }

  /**
   * The record in the current row of a query of (fingerprint, escrow_id, operation, result,
   * checksum).
   */
  static IdempotencyRecord idempotencyRecord(String key, ResultSet row) throws SQLException {
    String where = "$idempotency[" + key + "]";
    String fingerprint = row.getString(1);
    String result = row.getString(4);
    long expected = Checksums.of(EscrowRows.keyDocument(fingerprint, result == null ? "" : result));
    if (row.getLong(5) != expected) {
      throw new DocumentException(where, "checksum does not match the stored result");
    }
    Operation operation = Codes.parse(Operation.class, row.getString(3), where + ".operation");
    Optional<EscrowResult> first = Optional.empty();
    if (result != null) {
      try {
        first = Optional.of(RecordCodec.resultFromJson(result));
      } catch (DocumentException damaged) {
        throw damaged.within(where);
      }
    }
    return new IdempotencyRecord(key, fingerprint, row.getString(2), operation, first);
  }

  /** The snapshot in a row of (id, document, checksum), its checksum verified. */
  static EscrowSnapshot snapshot(String id, String document, long checksum) {
    String where = "$escrow[" + id + "]";
    if (Checksums.of(document) != checksum) {
      throw new DocumentException(where, "checksum does not match the stored snapshot");
    }
    try {
      return RecordCodec.snapshotFromJson(document);
    } catch (DocumentException damaged) {
      throw damaged.within(where);
    }
  }

  private static List<EscrowSnapshot> snapshots(PreparedStatement query) throws SQLException {
    List<EscrowSnapshot> found = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        found.add(snapshot(rows.getString(1), rows.getString(2), rows.getLong(3)));
      }
    }
    return found;
  }

  private static <T> Optional<T> first(List<T> found) {
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }
}
