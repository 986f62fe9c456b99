package io.escrowkit.simulator;

import java.util.Objects;

/**
 * One pre-authorization as the simulator's books hold it, at one moment. Amounts are minor units of
 * {@code currency} (ISO 4217 numeric, e.g. {@code 156}). Immutable and threadsafe; the card appears
 * only masked and as a token.
 *
 * @param authCode the authorization code the simulator gave (field 38)
 * @param rrn the retrieval reference number the simulator gave the pre-authorization (field 37)
 * @param terminalId field 41 of the pre-authorization
 * @param merchantId field 42 of the pre-authorization
 * @param stan field 11 of the pre-authorization
 * @param maskedPan the card, first 6 and last 4 digits
 * @param cardToken a one-way token of the card number, the same for every use of the card
 * @param currency field 49
 * @param held the amount pre-authorized
 * @param frozen the amount still frozen on the card
 * @param captured the amount captured (after voids)
 * @param refunded the amount refunded
 * @param status where it stands
 */
public record Authorization(
    String authCode,
    String rrn,
    String terminalId,
    String merchantId,
    String stan,
    String maskedPan,
    String cardToken,
    String currency,
    long held,
    long frozen,
    long captured,
    long refunded,
    AuthorizationStatus status) {

  /** Checks that nothing is missing and no amount is negative. */
  public Authorization {
    Objects.requireNonNull(authCode, "authCode");
    Objects.requireNonNull(rrn, "rrn");
    Objects.requireNonNull(terminalId, "terminalId");
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(stan, "stan");
    Objects.requireNonNull(maskedPan, "maskedPan");
    Objects.requireNonNull(cardToken, "cardToken");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(status, "status");
    if (held < 0 || frozen < 0 || captured < 0 || refunded < 0) {
      throw new IllegalArgumentException("amounts must not be negative");
    }
  }
}
