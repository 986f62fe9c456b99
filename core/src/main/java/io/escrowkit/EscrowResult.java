package io.escrowkit;

import io.escrowkit.failure.Failure;
import java.util.Objects;
import java.util.Optional;

/**
 * The first answer to one idempotent operation. Replaying the operation with the same idempotency
 * key returns an equal result, with one exception: an IN_DOUBT result replays with the escrow as
 * it is now while that still tells how the request ended (still in doubt, REVERSAL_REFUSED for an
 * operator, a hold REVERSED, or only the write that ended it since: back where it was, or a
 * forwarded request taken). Immutable and threadsafe.
 *
 * @param escrowId the escrow the operation acted on
 * @param operation what was asked
 * @param status how it ended
 * @param snapshot the escrow right after the operation (for a replayed in-doubt result, see above)
 * @param failure why it did not succeed (absent when approved)
 * @param responseCode the host's response code, when the host answered
 * @param idempotencyKey the key that identifies the operation
 */
public record EscrowResult(
    String escrowId,
    Operation operation,
    OperationStatus status,
    EscrowSnapshot snapshot,
    Optional<Failure> failure,
    Optional<String> responseCode,
    String idempotencyKey) {

  public EscrowResult {
    Objects.requireNonNull(escrowId, "escrowId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if ((status == OperationStatus.APPROVED) == failure.isPresent()) {
      throw new IllegalArgumentException(
          "an approved result has no failure and any other has one: " + status + ", " + failure);
    }
  }

  public boolean approved() {
    return status == OperationStatus.APPROVED;
  }
}
