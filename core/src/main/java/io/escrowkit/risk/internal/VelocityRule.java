package io.escrowkit.risk.internal;

import io.escrowkit.risk.ReasonCodes;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskDecision;
import io.escrowkit.risk.RiskException;
import io.escrowkit.risk.RiskHistory;
import java.time.Duration;

/**
 * Refuses a hold when the card already has {@code maxHolds} accepted holds within the window (see
 * {@link WindowedRule}). Immutable and threadsafe.
 */
public final class VelocityRule extends WindowedRule {
  public static final String NAME = "velocity";

  private final int maxHolds;

  public VelocityRule(int maxHolds, Duration window) {
    super(NAME, window);
    if (maxHolds < 1) {
      throw new RiskException("velocity maxHolds must be at least 1, got " + maxHolds);
    }
    this.maxHolds = maxHolds;
  }

  @Override
  public RiskDecision evaluate(RiskContext context, RiskHistory history) {
    int count = history.countForCard(context.cardToken(), windowStart(context), windowEnd(context));
    if (count >= maxHolds) {
      return RiskDecision.refuse(
          NAME,
          ReasonCodes.VELOCITY,
          "card "
              + context.maskedPan()
              + " already has "
              + count
              + " holds within "
              + window
              + " (at most "
              + maxHolds
              + ")");
    }
    return RiskDecision.allow();
  }

  @Override
  public String toString() {
    return NAME + "[" + maxHolds + " per " + window + "]";
  }
}
