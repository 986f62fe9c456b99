package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.CardAccount;

/** A card's running totals; guarded by the {@link LedgerBook}'s lock. */
final class CardRecord {
  final String maskedPan;
  final String token;
  long balance;
  long frozen;
  long captured;
  long refunded;

  CardRecord(String maskedPan, String token, long balance) {
    this.maskedPan = maskedPan;
    this.token = token;
    this.balance = balance;
  }

  long available() {
    return balance - frozen - captured + refunded;
  }

  CardAccount snapshot() {
    return new CardAccount(maskedPan, token, balance, frozen, captured, refunded);
  }
}
