package io.escrowkit.simulator;

import java.util.Objects;

/**
 * A card's account at the simulated issuer, at one moment, in minor units. Immutable and
 * threadsafe; the card appears only masked and as a token.
 *
 * @param maskedPan the card, first 6 and last 4 digits
 * @param cardToken a one-way token of the card number
 * @param balance the configured balance before any escrow
 * @param frozen what holds keep frozen
 * @param captured what completions took
 * @param refunded what refunds gave back
 */
public record CardAccount(
    String maskedPan, String cardToken, long balance, long frozen, long captured, long refunded) {

  /** Checks that nothing is missing. */
  public CardAccount {
    Objects.requireNonNull(maskedPan, "maskedPan");
    Objects.requireNonNull(cardToken, "cardToken");
  }

  /** What the card can still spend: balance less frozen and captured, plus refunds. */
  public long available() {
    return balance - frozen - captured + refunded;
  }
}
