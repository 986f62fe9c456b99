package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.WorkItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * Applies one {@link JournalWrite} inside the writer's transaction, with the in-memory journal's
 * rules: the snapshot's version must be the stored one plus one (a conditional insert or update, so
 * the check and the change are one statement), an idempotency key without a result is inserted only
 * if new, one with a result is stored over the old, queued work replaces work with the same id
 * (keeping its lease). Any conflict throws before the transaction commits, and the caller rolls the
 * write back whole. Threadsafe (stateless).
 */
final class EscrowRows {
  private static final String INSERT_ESCROW =
      "INSERT INTO "
          + Schema.ESCROW
          + " (reference, merchant_id, terminal_id, masked_pan, state, version, currency,"
          + " held_minor, captured_minor, refunded_minor, created_at, updated_at, expires_at,"
          + " document, checksum, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON"
          + " CONFLICT (id) DO NOTHING";
  private static final String UPDATE_ESCROW =
      "UPDATE "
          + Schema.ESCROW
          + " SET reference = ?, merchant_id = ?, terminal_id = ?, masked_pan = ?, state = ?,"
          + " version = ?, currency = ?, held_minor = ?, captured_minor = ?, refunded_minor = ?,"
          + " created_at = ?, updated_at = ?, expires_at = ?, document = ?, checksum = ?"
          + " WHERE id = ? AND version = ?";
  private static final String UPSERT_REFERENCE =
      "INSERT INTO "
          + Schema.REFERENCE
          + " (reference, escrow_id) VALUES (?, ?)"
          + " ON CONFLICT (reference) DO UPDATE SET escrow_id = excluded.escrow_id";
  private static final String INSERT_TRANSITION =
      "INSERT INTO "
          + Schema.TRANSITION
          + " (escrow_id, version, from_state, to_state, cause, at_nanos) VALUES (?, ?, ?, ?, ?,"
          + " ?)";
  private static final String IDEMPOTENCY_COLUMNS =
      " (idempotency_key, fingerprint, escrow_id, operation, result, checksum)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO ";
  private static final String INSERT_KEY =
      "INSERT INTO " + Schema.IDEMPOTENCY + IDEMPOTENCY_COLUMNS + "NOTHING";
  private static final String UPSERT_KEY =
      "INSERT INTO "
          + Schema.IDEMPOTENCY
          + IDEMPOTENCY_COLUMNS
          + "UPDATE SET fingerprint = excluded.fingerprint,"
          + " escrow_id = excluded.escrow_id, operation = excluded.operation,"
          + " result = excluded.result, checksum = excluded.checksum";

  private EscrowRows() {}

  /**
   * A write with its documents already encoded, so that encoding happens on the caller's thread and
   * not while the writer lock is held.
   */
  record Encoded(
      JournalWrite write, Optional<String> snapshotDocument, Optional<String> resultDocument) {}

  static Encoded encode(JournalWrite write) {
    return new Encoded(
        write,
        write.snapshot().map(RecordCodec::snapshotToJson),
        write.idempotency().flatMap(IdempotencyRecord::result).map(RecordCodec::resultToJson));
  }

  static Void apply(Connection connection, Encoded encoded) throws SQLException {
    JournalWrite write = encoded.write();
    if (write.snapshot().isPresent()) {
      storeSnapshot(connection, write.snapshot().get(), encoded.snapshotDocument().get());
    }
    if (!write.transitions().isEmpty()) {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_TRANSITION)) {
        for (TransitionEvent event : write.transitions()) {
          insert.setString(1, event.escrowId());
          insert.setLong(2, event.version());
          insert.setString(3, event.from().map(EscrowState::name).orElse(null));
          insert.setString(4, event.to().name());
          insert.setString(5, event.cause());
          insert.setLong(6, Instants.toNanos(event.at()));
          insert.executeUpdate();
        }
      }
    }
    if (write.idempotency().isPresent()) {
      storeKey(connection, write.idempotency().get(), encoded.resultDocument());
    }
    for (WorkItem item : write.enqueue()) {
      WorkRows.enqueue(connection, item);
    }
    for (String done : write.completeWork()) {
      WorkRows.complete(connection, done);
    }
    return null;
  }

  private static void storeSnapshot(Connection connection, EscrowSnapshot snapshot, String document)
      throws SQLException {
    boolean first = snapshot.version() == 1;
    int changed;
    try (PreparedStatement store =
        connection.prepareStatement(first ? INSERT_ESCROW : UPDATE_ESCROW)) {
      store.setString(1, snapshot.reference());
      store.setString(2, snapshot.merchantId());
      store.setString(3, snapshot.terminalId());
      store.setString(4, snapshot.maskedPan());
      store.setString(5, snapshot.state().name());
      store.setLong(6, snapshot.version());
      store.setString(7, snapshot.held().currency().getCurrencyCode());
      store.setLong(8, snapshot.held().minorUnits());
      store.setLong(9, snapshot.captured().minorUnits());
      store.setLong(10, snapshot.refunded().minorUnits());
      store.setLong(11, Instants.toNanos(snapshot.createdAt()));
      store.setLong(12, Instants.toNanos(snapshot.updatedAt()));
      store.setLong(13, Instants.toNanos(snapshot.expiresAt()));
      store.setString(14, document);
      store.setLong(15, Checksums.of(document));
      store.setString(16, snapshot.id());
      if (!first) {
        store.setLong(17, snapshot.version() - 1);
      }
      changed = snapshot.version() < 1 ? 0 : store.executeUpdate();
    }
    if (changed != 1) {
      long stored = storedVersion(connection, snapshot.id());
      throw new JournalConflictException(
          "escrow "
              + snapshot.id()
              + " is at version "
              + stored
              + "; write expects "
              + (snapshot.version() - 1));
    }
    try (PreparedStatement reference = connection.prepareStatement(UPSERT_REFERENCE)) {
      reference.setString(1, snapshot.reference());
      reference.setString(2, snapshot.id());
      reference.executeUpdate();
    }
  }

  private static long storedVersion(Connection connection, String escrowId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT version FROM " + Schema.ESCROW + " WHERE id = ?")) {
      query.setString(1, escrowId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  private static void storeKey(
      Connection connection, IdempotencyRecord record, Optional<String> result)
      throws SQLException {
    try (PreparedStatement store =
        connection.prepareStatement(result.isPresent() ? UPSERT_KEY : INSERT_KEY)) {
      store.setString(1, record.key());
      store.setString(2, record.fingerprint());
      store.setString(3, record.escrowId());
      store.setString(4, record.operation().name());
      if (result.isPresent()) {
        store.setString(5, result.get());
      } else {
        store.setNull(5, Types.VARCHAR);
      }
      store.setLong(6, Checksums.of(keyDocument(record.fingerprint(), result.orElse(""))));
      if (store.executeUpdate() != 1 && !result.isPresent()) {
        throw new JournalConflictException("idempotency key '" + record.key() + "' exists");
      }
    }
  }

  /** What an idempotency row's checksum covers: the fingerprint and the result document. */
  static String keyDocument(String fingerprint, String result) {
    return fingerprint + '\n' + result;
  }
}
