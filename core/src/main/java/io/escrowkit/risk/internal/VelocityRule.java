package io.escrowkit.risk.internal;

import io.escrowkit.risk.ReasonCodes;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskDecision;
import io.escrowkit.risk.RiskException;
import io.escrowkit.risk.RiskHistory;
import io.escrowkit.risk.RiskRule;
import java.time.Duration;
import java.time.Instant;

/**
 * Refuses a hold when the card already has {@code maxHolds} accepted holds within {@code window}
 * of it: with {@code at} in {@code [at - window, at + window)}, so a hold exactly {@code window}
 * earlier still counts, and holds recorded out of timestamp order count too. Immutable and
 * threadsafe.
 */
public final class VelocityRule implements RiskRule {
  public static final String NAME = "velocity";

  private final int maxHolds;
  private final Duration window;

  public VelocityRule(int maxHolds, Duration window) {
    if (maxHolds < 1) {
      throw new RiskException("velocity maxHolds must be at least 1, got " + maxHolds);
    }
    this.maxHolds = maxHolds;
    this.window = Checks.requireWindow(window, "velocity window");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RiskDecision evaluate(RiskContext context, RiskHistory history) {
    Instant at = context.at();
    int count = history.countForCard(context.cardToken(), at.minus(window), at.plus(window));
    if (count >= maxHolds) {
      return RiskDecision.refuse(
          NAME,
          ReasonCodes.VELOCITY,
          "card " + context.maskedPan() + " already has " + count + " holds within " + window
              + " (at most " + maxHolds + ")");
    }
    return RiskDecision.allow();
  }

  @Override
  public Duration lookback() {
    return window;
  }

  @Override
  public String toString() {
    return NAME + "[" + maxHolds + " per " + window + "]";
  }
}
