package io.escrowkit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that starts at a chosen instant, runs at real speed (so it agrees with the real
 * scheduler about elapsed backoff), and can be moved forward by hand. Threadsafe.
 */
public final class MutableClock extends Clock {
  private final long startNanos = System.nanoTime();
  private final AtomicReference<Instant> base;

  public MutableClock(Instant start) {
    this.base = new AtomicReference<>(start);
  }

  public void advance(Duration by) {
    base.updateAndGet(t -> t.plus(by));
  }

  @Override
  public Instant instant() {
    return base.get().plusNanos(System.nanoTime() - startNanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC");
  }
}
