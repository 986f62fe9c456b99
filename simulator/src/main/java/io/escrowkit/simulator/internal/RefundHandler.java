package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.PostingType;
import java.util.Optional;

/**
 * Refund of a completion, in one or several parts up to the completed amount. Call with the book's
 * lock held.
 */
final class RefundHandler extends BookHandler {

  RefundHandler(LedgerBook book, References references, HostRules rules) {
    super(book, references, rules);
  }

  Decision refund(RequestView r) {
    Optional<PostingRecord> found = Originals.completion(book, r);
    Optional<Decision> refusal = refuseOnCompletion(r, found);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    PostingRecord completion = found.get();
    AuthRecord auth = completion.auth;
    long amount = r.amount().orElse(0);
    if (amount <= 0 || amount > completion.amount - completion.refunded) {
      return Decision.answer("13", "amount zero or more than remains refundable");
    }
    String rrn = references.nextRrn();
    book.post(
        PostingType.REFUND,
        auth,
        r.trace(),
        r.mtiClass(),
        rrn,
        amount,
        completion,
        new AuthRecord.State(
            auth.frozen(), auth.captured(), auth.refunded() + amount, auth.status()));
    return Decision.approve(auth.authCode, rrn, "refunded");
  }
}
