package io.escrowkit;

import java.time.Instant;
import java.util.Objects;

/** One approved capture of a hold. Immutable. */
public record Capture(Money amount, Instant at, long trace) {
  public Capture {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(at, "at");
  }
}
