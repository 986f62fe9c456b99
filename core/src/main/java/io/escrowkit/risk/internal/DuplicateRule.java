package io.escrowkit.risk.internal;

import io.escrowkit.risk.ReasonCodes;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskDecision;
import io.escrowkit.risk.RiskHistory;
import io.escrowkit.risk.RiskRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Refuses a hold when one with the same card, merchant and amount was accepted within {@code
 * window} of it ({@code at} in {@code [at - window, at + window)}, as {@link VelocityRule}). The
 * terminal and reference are ignored: the same amount on the same card at the same merchant moments
 * apart is a double submission whichever till sent it. Immutable and threadsafe.
 */
public final class DuplicateRule implements RiskRule {
  public static final String NAME = "duplicate";

  private final Duration window;

  public DuplicateRule(Duration window) {
    this.window = Checks.requireWindow(window, "duplicate window");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RiskDecision evaluate(RiskContext context, RiskHistory history) {
    Instant at = context.at();
    List<RiskContext> sameCard =
        history.forCard(context.cardToken(), at.minus(window), at.plus(window));
    for (RiskContext earlier : sameCard) {
      if (earlier.merchantId().equals(context.merchantId())
          && earlier.amount().equals(context.amount())) {
        return RiskDecision.refuse(
            NAME,
            ReasonCodes.DUPLICATE,
            "card " + context.maskedPan() + " already has a hold of " + earlier.amount()
                + " at merchant " + earlier.merchantId() + " (reference " + earlier.reference()
                + ", at " + earlier.at() + ") within " + window);
      }
    }
    return RiskDecision.allow();
  }

  @Override
  public Duration lookback() {
    return window;
  }

  @Override
  public String toString() {
    return NAME + "[" + window + "]";
  }
}
