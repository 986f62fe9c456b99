package io.escrowkit.simulator.internal;

import java.util.Optional;

/**
 * What the request handlers share: the books, the reference sequences, the rules, and the checks
 * every follow-up request passes first. Handlers run with the book's lock held.
 */
abstract class BookHandler {

  final LedgerBook book;
  final References references;
  final HostRules rules;

  BookHandler(LedgerBook book, References references, HostRules rules) {
    this.book = book;
    this.references = references;
    this.rules = rules;
  }

  /**
   * Why a follow-up cannot go on, if it cannot: its original is unknown (25), it names another card
   * (14) or another currency (12), or it repeats the trace number of an approved request (94).
   */
  final Optional<Decision> refuseFollowUp(
      RequestView r, Optional<AuthRecord> original, String what) {
    if (original.isEmpty()) {
      return Optional.of(Decision.answer("25", "no such " + what));
    }
    if (Originals.otherCard(r, original.get())) {
      return Optional.of(Decision.answer("14", "not the " + what + "'s card"));
    }
    if (Originals.otherCurrency(r, original.get())) {
      return Optional.of(Decision.answer("12", "currency " + r.currency() + ", the " + what
          + " is in " + original.get().currency));
    }
    if (Originals.isDuplicate(book, r)) {
      return Optional.of(Decision.answer("94", "trace number already used"));
    }
    return Optional.empty();
  }

  /** As {@link #refuseFollowUp}, for a request on a completion, which must not be voided (22). */
  final Optional<Decision> refuseOnCompletion(RequestView r, Optional<PostingRecord> completion) {
    Optional<Decision> refusal = refuseFollowUp(r, completion.map(p -> p.auth), "completion");
    if (refusal.isEmpty() && completion.get().voided) {
      return Optional.of(Decision.answer("22", "completion was voided"));
    }
    if (refusal.isEmpty() && completion.get().reversed) {
      // Voiding or refunding it would give back a capture that no longer stands.
      return Optional.of(Decision.answer("22", "completion was reversed"));
    }
    return refusal;
  }
}
