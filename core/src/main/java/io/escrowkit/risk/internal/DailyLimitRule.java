package io.escrowkit.risk.internal;

import io.escrowkit.Money;
import io.escrowkit.risk.ReasonCodes;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskDecision;
import io.escrowkit.risk.RiskHistory;
import io.escrowkit.risk.RiskRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Refuses a hold when the holds already accepted on the same calendar day (in a given zone) for the
 * same card, or the same merchant, plus this one would exceed a limit. Only holds in the limit's
 * currency count and are limited; others pass (the transaction-limit rule decides which currencies
 * are accepted). Immutable and threadsafe.
 */
public final class DailyLimitRule implements RiskRule {

  /** Whose holds are summed. */
  public enum Scope {
    CARD,
    MERCHANT
  }

  /** A calendar day is at most 25 hours (a DST change), plus margin. */
  private static final Duration LOOKBACK = Duration.ofHours(26);

  private final Scope scope;
  private final Money limit;
  private final ZoneId zone;
  private final String name;

  public DailyLimitRule(Scope scope, Money limit, ZoneId zone) {
    this.scope = Objects.requireNonNull(scope, "scope");
    this.limit = Objects.requireNonNull(limit, "limit");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.name = "daily-" + scope.name().toLowerCase(Locale.ROOT) + "-limit-" + limit.currency();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RiskDecision evaluate(RiskContext context, RiskHistory history) {
    Money amount = context.amount();
    if (!amount.currency().equals(limit.currency())) {
      return RiskDecision.allow();
    }
    LocalDate day = context.at().atZone(zone).toLocalDate();
    Instant dayStart = day.atStartOfDay(zone).toInstant();
    Instant nextDayStart = day.plusDays(1).atStartOfDay(zone).toInstant();
    Money accepted =
        scope == Scope.CARD
            ? history.totalForCard(context.cardToken(), limit.currency(), dayStart, nextDayStart)
            : history.totalForMerchant(
                context.merchantId(), limit.currency(), dayStart, nextDayStart);
    if (accepted.plus(amount).isGreaterThan(limit)) {
      return RiskDecision.refuse(
          name,
          ReasonCodes.DAILY_LIMIT,
          who(context)
              + " has "
              + accepted
              + " of holds on "
              + day
              + " ("
              + zone
              + "); "
              + amount
              + " more would exceed the daily limit of "
              + limit);
    }
    return RiskDecision.allow();
  }

  @Override
  public Duration lookback() {
    return LOOKBACK;
  }

  @Override
  public String toString() {
    return name + "[" + limit + " per day in " + zone + "]";
  }

  private String who(RiskContext context) {
    return scope == Scope.CARD ? "card " + context.maskedPan() : "merchant " + context.merchantId();
  }
}
