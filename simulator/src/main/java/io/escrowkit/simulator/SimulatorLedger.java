package io.escrowkit.simulator;

import java.util.List;
import java.util.Optional;

/**
 * The simulator's own books, for tests to check that money adds up: per card, per pre-authorization
 * and per approved request, plus how reversals and repeated advices were treated. Amounts are minor
 * units; totals add all currencies (use one per test). Implementations are threadsafe; every answer
 * is a snapshot.
 */
public interface SimulatorLedger {

  /** The sum still frozen by all pre-authorizations. */
  long frozenTotal();

  /** The sum captured (after voids) by all pre-authorizations. */
  long capturedTotal();

  /** The sum refunded. */
  long refundedTotal();

  /** Every pre-authorization, oldest first. */
  List<Authorization> authorizations();

  /** A pre-authorization by the authorization code the simulator gave it (field 38). */
  Optional<Authorization> authorization(String authCode);

  /** The pre-authorization a retrieval reference number (of it or of a follow-up) belongs to. */
  Optional<Authorization> authorizationByRrn(String rrn);

  /** The pre-authorization a terminal (fields 41, 42) sent with this trace number (field 11). */
  Optional<Authorization> authorizationByTrace(String terminalId, String merchantId, String stan);

  /** Every approved request, in the order applied. */
  List<Posting> postings();

  /** A card's account, if the card has been seen or configured. */
  Optional<CardAccount> account(String pan);

  /** Every card's account. */
  List<CardAccount> accounts();

  /**
   * Forgets every pre-authorization that no longer holds funds (completed, released, reversed or
   * voided) with its requests, so long load runs keep memory bounded. Totals and card accounts keep
   * what they counted; follow-ups and reversals of what was forgotten are answered 25.
   *
   * @return how many pre-authorizations were forgotten
   */
  int forgetClosed();

  /** Sets a card's balance before any escrow; requests over what is available get 51. */
  void setBalance(String pan, long balance);

  /** Reversals that undid a posting. */
  long reversalsApplied();

  /** Reversals of a posting already reversed: acknowledged (00), nothing undone. */
  long duplicateReversals();

  /** Reversals naming nothing the books hold: answered 25. */
  long unknownReversals();

  /** Completion advices repeated after being applied: acknowledged (00), not applied again. */
  long duplicateAdvicesIgnored();
}
