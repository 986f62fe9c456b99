package io.escrowkit.risk;

import io.escrowkit.Money;
import java.time.Instant;

/** Test fixture: a hold with sensible defaults, changed one field at a time. Not threadsafe. */
final class Holds {
  static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z");
  static final String CARD_A = "tok-card-a";
  static final String CARD_B = "tok-card-b";

  private String merchantId = "M001";
  private String terminalId = "T01";
  private Money amount = Money.of("100.00", "CNY");
  private String cardToken = CARD_A;
  private String maskedPan = "622202******1234";
  private String reference = "room-1208";
  private Instant at = T0;

  private Holds() {}

  static Holds hold() {
    return new Holds();
  }

  Holds merchant(String merchantId) {
    this.merchantId = merchantId;
    return this;
  }

  Holds terminal(String terminalId) {
    this.terminalId = terminalId;
    return this;
  }

  Holds amount(String cny) {
    this.amount = Money.of(cny, "CNY");
    return this;
  }

  Holds amount(Money amount) {
    this.amount = amount;
    return this;
  }

  Holds card(String cardToken) {
    this.cardToken = cardToken;
    return this;
  }

  Holds maskedPan(String maskedPan) {
    this.maskedPan = maskedPan;
    return this;
  }

  Holds reference(String reference) {
    this.reference = reference;
    return this;
  }

  Holds at(Instant at) {
    this.at = at;
    return this;
  }

  Holds at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  RiskContext build() {
    return new RiskContext(merchantId, terminalId, amount, cardToken, maskedPan, reference, at);
  }
}
