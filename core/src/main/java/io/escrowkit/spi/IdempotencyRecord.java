package io.escrowkit.spi;

import io.escrowkit.EscrowResult;
import io.escrowkit.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * An idempotency key, what it was first used for, and its first result once known. Immutable.
 *
 * @param key the caller's or generated key
 * @param fingerprint the operation's parameters, to tell a replay from a conflicting reuse
 * @param escrowId the escrow it acted on
 * @param operation what it asked
 * @param result the first result; absent while the request is in flight
 */
public record IdempotencyRecord(
    String key,
    String fingerprint,
    String escrowId,
    Operation operation,
    Optional<EscrowResult> result) {

  public IdempotencyRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(escrowId, "escrowId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(result, "result");
  }

  public IdempotencyRecord withResult(EscrowResult first) {
    return new IdempotencyRecord(key, fingerprint, escrowId, operation, Optional.of(first));
  }
}
