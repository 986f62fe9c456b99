package io.escrowkit.risk;

import static io.escrowkit.risk.internal.Checks.digitCount;
import static io.escrowkit.risk.internal.Checks.requireText;

import io.escrowkit.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One hold (pre-authorization) about to be sent, as the risk rules see it. Immutable and
 * threadsafe.
 *
 * <p>The card appears twice, never as a PAN: {@code cardToken} is the opaque, non-reversible
 * identifier core computes (rules group holds by it), and {@code maskedPan} (first 6 / last 4 at
 * most, e.g. {@code 622202******1234}) is what refusal details may show. A token that is just 12 to
 * 19 digits, or a "masked" PAN with more than 10 digits, is rejected as a probable clear PAN.
 *
 * <p>{@code at} is the instant the hold is sent; rules take the time from here and never read a
 * clock. {@link #toString()} leaves out the card token.
 *
 * @param merchantId the merchant (acquirer's merchant id)
 * @param terminalId the terminal sending the hold
 * @param amount the amount to hold
 * @param cardToken opaque, non-reversible card identifier; never a PAN
 * @param maskedPan the masked card number, for messages
 * @param reference the merchant's own reference, e.g. {@code room-1208}
 * @param at when the hold is sent
 */
public record RiskContext(
    String merchantId,
    String terminalId,
    Money amount,
    String cardToken,
    String maskedPan,
    String reference,
    Instant at) {

  /** Longest id, token or reference accepted. */
  public static final int MAX_TEXT_LENGTH = 128;

  /** Most digits a masked PAN may show: first 6 and last 4. */
  private static final int MAX_MASKED_PAN_DIGITS = 10;

  public RiskContext {
    requireText(merchantId, "merchantId", MAX_TEXT_LENGTH);
    requireText(terminalId, "terminalId", MAX_TEXT_LENGTH);
    Objects.requireNonNull(amount, "amount");
    requireText(cardToken, "cardToken", MAX_TEXT_LENGTH);
    requireText(maskedPan, "maskedPan", MAX_TEXT_LENGTH);
    requireText(reference, "reference", MAX_TEXT_LENGTH);
    Objects.requireNonNull(at, "at");
    // The messages below deliberately do not echo the value: it may be a clear PAN.
    if (looksLikePan(cardToken)) {
      throw new RiskException(
          "cardToken of merchant "
              + merchantId
              + " is 12 to 19 digits, which looks like a PAN;"
              + " pass the opaque token, never the card number");
    }
    if (digitCount(maskedPan) > MAX_MASKED_PAN_DIGITS) {
      throw new RiskException(
          "maskedPan of merchant "
              + merchantId
              + " shows more than "
              + MAX_MASKED_PAN_DIGITS
              + " digits; mask it to first 6 / last 4");
    }
  }

  @Override
  public String toString() {
    return "RiskContext[merchantId="
        + merchantId
        + ", terminalId="
        + terminalId
        + ", amount="
        + amount
        + ", maskedPan="
        + maskedPan
        + ", reference="
        + reference
        + ", at="
        + at
        + "]";
  }

  private static boolean looksLikePan(String token) {
    int length = token.length();
    return length >= 12 && length <= 19 && digitCount(token) == length;
  }
}
