package io.escrowkit.risk;

import io.escrowkit.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The holds accepted so far, which rules such as velocity, daily limit and duplicate query. Time
 * ranges are half-open: {@code from} inclusive, {@code until} exclusive, compared with {@link
 * RiskContext#at()}.
 *
 * <p>Implementations must be threadsafe. {@link InMemoryRiskHistory} is the built-in one; a
 * journal-backed one needs only the four abstract methods (the defaults derive card totals and
 * counts from {@link #forCard}).
 */
public interface RiskHistory {

  /** Adds a hold the chain accepted. */
  void record(RiskContext acceptedHold);

  /**
   * Removes one recorded hold equal to {@code hold}, for a hold that never took effect (declined by
   * the issuer, reversed), so it stops counting. Returns whether one was found.
   */
  boolean forget(RiskContext hold);

  /** The card's recorded holds with {@code from <= at < until}, in the order they were recorded. */
  List<RiskContext> forCard(String cardToken, Instant from, Instant until);

  /** Sum of the merchant's recorded holds in {@code currency} with {@code from <= at < until}. */
  Money totalForMerchant(String merchantId, Currency currency, Instant from, Instant until);

  /** Sum of the card's recorded holds in {@code currency} with {@code from <= at < until}. */
  default Money totalForCard(String cardToken, Currency currency, Instant from, Instant until) {
    Money total = Money.zero(currency);
    for (RiskContext hold : forCard(cardToken, from, until)) {
      if (hold.amount().currency().equals(currency)) {
        total = total.plus(hold.amount());
      }
    }
    return total;
  }

  /** Number of the card's recorded holds with {@code from <= at < until}. */
  default int countForCard(String cardToken, Instant from, Instant until) {
    return forCard(cardToken, from, until).size();
  }

  /**
   * How long before the newest recorded hold records are kept; empty if they are kept for ever. A
   * chain refuses a history that keeps less than its rules {@linkplain RiskRule#lookback() look
   * back}.
   */
  default Optional<Duration> retention() {
    return Optional.empty();
  }
}
