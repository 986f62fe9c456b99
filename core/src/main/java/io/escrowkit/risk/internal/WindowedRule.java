package io.escrowkit.risk.internal;

import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskRule;
import java.time.Duration;
import java.time.Instant;

/**
 * A rule that looks at the card's holds within a window around the hold: {@code at} in {@code [at -
 * window, at + window)}. A hold exactly {@code window} earlier still counts; holds recorded out of
 * timestamp order count too. Subclasses must be immutable and threadsafe.
 */
abstract class WindowedRule implements RiskRule {
  private final String name;
  final Duration window;

  WindowedRule(String name, Duration window) {
    this.name = name;
    this.window = Checks.requireWindow(window, name + " window");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Duration lookback() {
    return window;
  }

  final Instant windowStart(RiskContext context) {
    return context.at().minus(window);
  }

  final Instant windowEnd(RiskContext context) {
    return context.at().plus(window);
  }
}
