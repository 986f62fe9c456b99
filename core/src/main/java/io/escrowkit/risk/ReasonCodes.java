package io.escrowkit.risk;

/**
 * The {@link Refusal#reasonCode()} values of the built-in rules in {@link RiskRules}. Custom rules
 * may use these or their own upper-case codes.
 */
public final class ReasonCodes {
  /** The merchant is suspended or closed. */
  public static final String MERCHANT_SUSPENDED = "MERCHANT_SUSPENDED";

  /** The merchant is not in the merchant directory. */
  public static final String MERCHANT_UNKNOWN = "MERCHANT_UNKNOWN";

  /** The amount is outside the per-hold range, or its currency has no range. */
  public static final String TRANSACTION_LIMIT = "TRANSACTION_LIMIT";

  /** The day's accepted holds plus this one would exceed the daily limit. */
  public static final String DAILY_LIMIT = "DAILY_LIMIT";

  /** The card already has the maximum number of holds within the window. */
  public static final String VELOCITY = "VELOCITY";

  /** The same hold (card, merchant, amount) was already accepted within the window. */
  public static final String DUPLICATE = "DUPLICATE";

  private ReasonCodes() {}
}
