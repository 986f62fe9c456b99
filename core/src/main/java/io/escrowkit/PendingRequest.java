package io.escrowkit;

import java.time.Instant;
import java.util.Objects;

/**
 * The request an escrow is waiting on (or, when in doubt, reversing). Immutable.
 *
 * @param operation what was asked
 * @param operationId unique id of this request, stable across retries and restarts
 * @param idempotencyKey the caller's (or generated) key for the call that made it
 * @param amount the amount the request carries: hold, capture, remainder to release, capture to
 *     void, or refund
 * @param finalCapture for a capture: release whatever remains of the hold with it
 * @param trace the terminal's system trace audit number for the request (ISO 8583 field 11)
 * @param sentAt when the request was sent (transmission time)
 */
public record PendingRequest(
    Operation operation,
    String operationId,
    String idempotencyKey,
    Money amount,
    boolean finalCapture,
    long trace,
    Instant sentAt) {

  public PendingRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(sentAt, "sentAt");
  }
}
