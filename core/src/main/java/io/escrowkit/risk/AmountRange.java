package io.escrowkit.risk;

import io.escrowkit.Money;
import java.util.Currency;
import java.util.Objects;

/**
 * The amounts a single hold may have in one currency, both ends included. Immutable and threadsafe.
 *
 * @param min smallest amount allowed
 * @param max largest amount allowed, in the same currency, not below {@code min}
 */
public record AmountRange(Money min, Money max) {

  public AmountRange {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (!min.currency().equals(max.currency())) {
      throw new RiskException("amount range mixes currencies: " + min + " to " + max);
    }
    if (min.isGreaterThan(max)) {
      throw new RiskException("amount range minimum " + min + " is above its maximum " + max);
    }
  }

  public Currency currency() {
    return min.currency();
  }

  /** Whether {@code min <= amount <= max}; {@code false} for another currency. */
  public boolean contains(Money amount) {
    Objects.requireNonNull(amount, "amount");
    return amount.currency().equals(currency())
        && !min.isGreaterThan(amount)
        && !amount.isGreaterThan(max);
  }

  /** {@code "1.00 CNY to 50000.00 CNY"}. */
  @Override
  public String toString() {
    return min + " to " + max;
  }
}
