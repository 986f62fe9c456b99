package io.escrowkit.risk;

import static io.escrowkit.risk.internal.Checks.requireText;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hold refused by a risk rule: which rule, a machine-readable reason code (see {@link
 * ReasonCodes} for the built-in ones) and an English detail for people. Immutable and threadsafe.
 *
 * <p>The detail must never contain a PAN; rules show the card as {@link RiskContext#maskedPan()}.
 *
 * @param ruleName the {@link RiskRule#name()} of the rule that refused
 * @param reasonCode upper-case code such as {@code DAILY_LIMIT}: 1 to {@value
 *     #MAX_REASON_CODE_LENGTH} upper-case letters, digits and '_', starting with a letter (it
 *     becomes part of the failure's machine code, {@code RISK/DAILY_LIMIT})
 * @param detail English explanation, e.g. "amount 0.50 CNY is below the minimum of 1.00 CNY"
 */
public record Refusal(String ruleName, String reasonCode, String detail) implements RiskDecision {

  /** Longest detail kept; a longer one is cut to this length, ending in an ellipsis. */
  public static final int MAX_DETAIL_LENGTH = 512;

  /** Longest reason code: the longest token a failure's machine code takes. */
  public static final int MAX_REASON_CODE_LENGTH = 40;

  private static final Pattern REASON_CODE =
      Pattern.compile("[A-Z][A-Z0-9_]{0," + (MAX_REASON_CODE_LENGTH - 1) + "}");

  public Refusal {
    requireText(ruleName, "ruleName", RiskContext.MAX_TEXT_LENGTH);
    requireText(reasonCode, "reasonCode", MAX_REASON_CODE_LENGTH);
    requireText(detail, "detail", Integer.MAX_VALUE);
    if (!REASON_CODE.matcher(reasonCode).matches()) {
      throw new RiskException(
          "reasonCode of rule '"
              + ruleName
              + "' must be upper-case letters, digits and '_',"
              + " got '"
              + reasonCode
              + "'");
    }
    if (detail.length() > MAX_DETAIL_LENGTH) {
      int cut = MAX_DETAIL_LENGTH - 1;
      if (Character.isHighSurrogate(detail.charAt(cut - 1))) {
        cut--; // never half of a pair: it would not come back from the journal as stored
      }
      detail = detail.substring(0, cut) + "\u2026";
    }
  }

  /** Always {@code false}. */
  @Override
  public boolean allowed() {
    return false;
  }

  /** Always this refusal. */
  @Override
  public Optional<Refusal> refusal() {
    return Optional.of(this);
  }

  /** {@code "refused by daily-card-limit-CNY: DAILY_LIMIT (…detail…)"}. */
  @Override
  public String toString() {
    return "refused by " + ruleName + ": " + reasonCode + " (" + detail + ")";
  }
}
