package io.escrowkit.risk.internal;

import io.escrowkit.Money;
import io.escrowkit.risk.AmountRange;
import io.escrowkit.risk.ReasonCodes;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskDecision;
import io.escrowkit.risk.RiskException;
import io.escrowkit.risk.RiskHistory;
import io.escrowkit.risk.RiskRule;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses a hold whose amount is outside its currency's range, or whose currency has no range (an
 * unlisted currency is refused, so this rule is also the chain's currency gate). Immutable and
 * threadsafe.
 */
public final class TransactionLimitRule implements RiskRule {
  public static final String NAME = "transaction-limit";

  private final Map<Currency, AmountRange> ranges = new LinkedHashMap<>();

  public TransactionLimitRule(Collection<AmountRange> ranges) {
    Objects.requireNonNull(ranges, "ranges");
    for (AmountRange range : ranges) {
      Objects.requireNonNull(range, "range");
      AmountRange earlier = this.ranges.putIfAbsent(range.currency(), range);
      if (earlier != null) {
        throw new RiskException(
            "transaction limit for "
                + range.currency()
                + " given twice: "
                + earlier
                + " and "
                + range);
      }
    }
    if (this.ranges.isEmpty()) {
      throw new RiskException("transaction limit needs at least one currency's range");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RiskDecision evaluate(RiskContext context, RiskHistory history) {
    Money amount = context.amount();
    AmountRange range = ranges.get(amount.currency());
    if (range == null) {
      return RiskDecision.refuse(
          NAME,
          ReasonCodes.TRANSACTION_LIMIT,
          "holds in "
              + amount.currency()
              + " are not accepted; limits are set for "
              + ranges.keySet());
    }
    if (range.min().isGreaterThan(amount)) {
      return RiskDecision.refuse(
          NAME,
          ReasonCodes.TRANSACTION_LIMIT,
          "amount " + amount + " is below the minimum of " + range.min());
    }
    if (amount.isGreaterThan(range.max())) {
      return RiskDecision.refuse(
          NAME,
          ReasonCodes.TRANSACTION_LIMIT,
          "amount " + amount + " is above the maximum of " + range.max());
    }
    return RiskDecision.allow();
  }

  @Override
  public String toString() {
    return NAME + ranges.values();
  }
}
