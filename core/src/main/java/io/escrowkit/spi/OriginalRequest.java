package io.escrowkit.spi;

import io.escrowkit.Money;
import java.time.Instant;
import java.util.Objects;

/** The request a reversal undoes: enough to rebuild its original data elements. Immutable. */
public record OriginalRequest(
    RequestType type, String operationId, long trace, Instant transmittedAt, Money amount) {
  public OriginalRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(transmittedAt, "transmittedAt");
    Objects.requireNonNull(amount, "amount");
    if (type == RequestType.REVERSAL) {
      throw new IllegalArgumentException("a reversal is never itself reversed");
    }
  }
}
