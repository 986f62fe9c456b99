package io.escrowkit.risk.internal;

import io.escrowkit.Money;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Remembers nothing; for a chain whose rules never read history. Stateless and threadsafe. */
public enum DiscardingRiskHistory implements RiskHistory {
  INSTANCE;

  @Override
  public void record(RiskContext acceptedHold) {
    Objects.requireNonNull(acceptedHold, "acceptedHold");
  }

  @Override
  public boolean forget(RiskContext hold) {
    Objects.requireNonNull(hold, "hold");
    return false;
  }

  @Override
  public List<RiskContext> forCard(String cardToken, Instant from, Instant until) {
    return Collections.emptyList();
  }

  @Override
  public Money totalForMerchant(String merchantId, Currency currency, Instant from, Instant until) {
    return Money.zero(currency);
  }

  /** Zero: a chain whose rules look back at all refuses this history. */
  @Override
  public Optional<Duration> retention() {
    return Optional.of(Duration.ZERO);
  }
}
