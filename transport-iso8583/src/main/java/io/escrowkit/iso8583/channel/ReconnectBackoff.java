package io.escrowkit.iso8583.channel;

import java.time.Duration;
import java.util.Random;

/**
 * Capped exponential backoff with jitter: attempt n waits a random time between half and all of
 * {@code min(max, base * 2^(n-1))}, so terminals that lost the same host do not all come back at
 * once. Threadsafe (draws from the random source under its lock).
 */
final class ReconnectBackoff {
  private final long baseMillis;
  private final long maxMillis;
  private final Random random;

  ReconnectBackoff(Duration base, Duration max, Random random) {
    this.baseMillis = Math.max(1, base.toMillis());
    this.maxMillis = Math.max(baseMillis, max.toMillis());
    this.random = random;
  }

  /** The wait before attempt {@code attempt} (1 for the first retry). */
  Duration delay(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 40));
    long ceiling = baseMillis;
    for (int i = 0; i < doublings && ceiling < maxMillis; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxMillis);
    double draw;
    synchronized (random) {
      draw = random.nextDouble();
    }
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (draw * (ceiling - half)));
  }
}
