package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pre-authorization's mutable state; guarded by the {@link LedgerBook}'s lock. Every change goes
 * through {@link #set}, which keeps the card's totals in step.
 */
final class AuthRecord {

  /** The amounts and status at one moment, to restore when a reversal undoes a posting. */
  record State(long frozen, long captured, long refunded, AuthorizationStatus status) {}

  /** Running sums of amounts. */
  static final class Totals {
    long frozen;
    long captured;
    long refunded;

    void add(long frozenAmount, long capturedAmount, long refundedAmount) {
      frozen = Math.addExact(frozen, frozenAmount);
      captured = Math.addExact(captured, capturedAmount);
      refunded = Math.addExact(refunded, refundedAmount);
    }
  }

  final String authCode;
  final String rrn;
  final Trace trace;
  final CardRecord card;
  final String currency;
  final long held;
  private State state;
  final List<PostingRecord> postings = new ArrayList<>();

  AuthRecord(
      String authCode, String rrn, Trace trace, CardRecord card, String currency, long held) {
    this.authCode = authCode;
    this.rrn = rrn;
    this.trace = trace;
    this.card = card;
    this.currency = currency;
    this.held = held;
    this.state = new State(0, 0, 0, AuthorizationStatus.HELD);
  }

  State state() {
    return state;
  }

  AuthorizationStatus status() {
    return state.status();
  }

  long frozen() {
    return state.frozen();
  }

  long captured() {
    return state.captured();
  }

  long refunded() {
    return state.refunded();
  }

  void set(State next) {
    card.frozen += next.frozen() - state.frozen();
    card.captured += next.captured() - state.captured();
    card.refunded += next.refunded() - state.refunded();
    state = next;
  }

  /** The last posting no reversal has undone. */
  Optional<PostingRecord> latestInForce() {
    for (int i = postings.size() - 1; i >= 0; i--) {
      if (!postings.get(i).reversed) {
        return Optional.of(postings.get(i));
      }
    }
    return Optional.empty();
  }

  Authorization snapshot() {
    return new Authorization(
        authCode,
        rrn,
        trace.terminalId(),
        trace.merchantId(),
        trace.stan(),
        card.maskedPan,
        card.token,
        currency,
        held,
        state.frozen(),
        state.captured(),
        state.refunded(),
        state.status());
  }
}
