package io.escrowkit.risk;

import io.escrowkit.Money;
import io.escrowkit.risk.internal.DailyLimitRule;
import io.escrowkit.risk.internal.DuplicateRule;
import io.escrowkit.risk.internal.MerchantStatusRule;
import io.escrowkit.risk.internal.TransactionLimitRule;
import io.escrowkit.risk.internal.VelocityRule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;

/**
 * The built-in {@link RiskRule}s. Every rule returned is immutable and threadsafe; the ones that
 * read history take the time from {@link RiskContext#at()}, never from a clock.
 *
 * <p>Time windows ({@link #velocity}, {@link #duplicate}) cover {@code [at - window, at + window)}:
 * a hold exactly {@code window} earlier still counts, one a nanosecond older does not, and holds
 * recorded out of timestamp order are counted too. Windows are at most 366 days.
 */
public final class RiskRules {

  private RiskRules() {}

  /**
   * Named {@code merchant-status}: refuses {@link ReasonCodes#MERCHANT_UNKNOWN} when the directory
   * does not know the merchant, {@link ReasonCodes#MERCHANT_SUSPENDED} when it is suspended or
   * closed.
   */
  public static RiskRule merchantStatus(MerchantDirectory directory) {
    return new MerchantStatusRule(directory);
  }

  /**
   * Named {@code transaction-limit}: a hold must be within {@code [min, max]}, and in their
   * currency; a hold in any other currency is refused ({@link ReasonCodes#TRANSACTION_LIMIT}).
   */
  public static RiskRule transactionLimit(Money min, Money max) {
    return transactionLimits(Collections.singletonList(new AmountRange(min, max)));
  }

  /**
   * Named {@code transaction-limit}: a hold must be within the range of its currency; a currency
   * without a range is refused ({@link ReasonCodes#TRANSACTION_LIMIT}), so this rule also decides
   * which currencies are accepted. Fails if a currency has two ranges.
   */
  public static RiskRule transactionLimits(Collection<AmountRange> ranges) {
    return new TransactionLimitRule(ranges);
  }

  /**
   * Named {@code daily-card-limit-<currency>}: the card's accepted holds on the hold's calendar day
   * in {@code zone}, plus this hold, must not exceed {@code maxPerCardPerDay} ({@link
   * ReasonCodes#DAILY_LIMIT}); reaching it exactly is allowed. Holds in other currencies neither
   * count nor are limited: add one rule per currency, and {@link #transactionLimits} to refuse
   * currencies with no limit.
   */
  public static RiskRule dailyLimit(Money maxPerCardPerDay, ZoneId zone) {
    return new DailyLimitRule(DailyLimitRule.Scope.CARD, maxPerCardPerDay, zone);
  }

  /**
   * Named {@code daily-merchant-limit-<currency>}: as {@link #dailyLimit}, summing all of the
   * merchant's accepted holds on that day instead of one card's.
   */
  public static RiskRule merchantDailyLimit(Money maxPerMerchantPerDay, ZoneId zone) {
    return new DailyLimitRule(DailyLimitRule.Scope.MERCHANT, maxPerMerchantPerDay, zone);
  }

  /**
   * Named {@code velocity}: refuses ({@link ReasonCodes#VELOCITY}) once the card has {@code
   * maxHolds} accepted holds within {@code window}, so at most {@code maxHolds} pass per window.
   */
  public static RiskRule velocity(int maxHolds, Duration window) {
    return new VelocityRule(maxHolds, window);
  }

  /**
   * Named {@code duplicate}: refuses ({@link ReasonCodes#DUPLICATE}) a hold with the same card,
   * merchant and amount as one accepted within {@code window}; terminal and reference are ignored.
   */
  public static RiskRule duplicate(Duration window) {
    return new DuplicateRule(window);
  }
}
