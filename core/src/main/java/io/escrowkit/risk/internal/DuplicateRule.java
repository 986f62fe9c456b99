package io.escrowkit.risk.internal;

import io.escrowkit.risk.ReasonCodes;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskDecision;
import io.escrowkit.risk.RiskHistory;
import java.time.Duration;

/**
 * Refuses a hold when one with the same card, merchant and amount was accepted within the window
 * (see {@link WindowedRule}). The terminal and reference are ignored: the same amount on the same
 * card at the same merchant moments apart is a double submission whichever till sent it. Immutable
 * and threadsafe.
 */
public final class DuplicateRule extends WindowedRule {
  public static final String NAME = "duplicate";

  public DuplicateRule(Duration window) {
    super(NAME, window);
  }

  @Override
  public RiskDecision evaluate(RiskContext context, RiskHistory history) {
    for (RiskContext earlier :
        history.forCard(context.cardToken(), windowStart(context), windowEnd(context))) {
      if (earlier.merchantId().equals(context.merchantId())
          && earlier.amount().equals(context.amount())) {
        return RiskDecision.refuse(
            NAME,
            ReasonCodes.DUPLICATE,
            "card "
                + context.maskedPan()
                + " already has a hold of "
                + earlier.amount()
                + " at merchant "
                + earlier.merchantId()
                + " (reference "
                + earlier.reference()
                + ", at "
                + earlier.at()
                + ") within "
                + window);
      }
    }
    return RiskDecision.allow();
  }

  @Override
  public String toString() {
    return NAME + "[" + window + "]";
  }
}
