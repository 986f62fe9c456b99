package io.escrowkit.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Capped exponential backoff with jitter: attempt n waits between half and all of
 * min(max, base x 2^n), drawn from the injected random source.
 */
public record Backoff(Duration base, Duration max) {
  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= max, got " + base + ", " + max);
    }
  }

  public Duration delay(int attempt, Random random) {
    long ceiling = max.toMillis();
    long exponential = base.toMillis() << Math.min(Math.max(attempt, 0), 30);
    long capped = exponential <= 0 ? ceiling : Math.min(ceiling, exponential);
    double jitter;
    synchronized (random) {
      jitter = 0.5 + random.nextDouble() / 2;
    }
    return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
  }
}
