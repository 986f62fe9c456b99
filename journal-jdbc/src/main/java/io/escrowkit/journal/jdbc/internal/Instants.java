package io.escrowkit.journal.jdbc.internal;

import java.time.Instant;

/**
 * Instants as the journal's columns hold them: nanoseconds since the epoch in a {@code BIGINT},
 * exact for the years 1677 to 2262, and ordered as the instants are. Threadsafe (stateless).
 */
public final class Instants {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Instants() {}

  public static long toNanos(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    } catch (ArithmeticException outOfRange) {
      throw new IllegalArgumentException(
          "the journal stores instants between 1677 and 2262, not " + instant, outOfRange);
    }
  }

  public static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }
}
