package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.PostingType;
import java.util.Optional;

/**
 * Refund of a completion, in one or several parts up to the completed amount. A refund sent as an
 * advice (UnionPay's 0220, ISO 0220) may come again as a repeat (0221, or 0220 again when the
 * answer was lost): one with the trace and amount of a refund already applied is acknowledged with
 * that refund's references and not applied again. Call with the book's lock held.
 */
final class RefundHandler extends BookHandler {

  RefundHandler(LedgerBook book, References references, HostRules rules) {
    super(book, references, rules);
  }

  Decision refund(RequestView r) {
    if (r.mti.startsWith("022")) {
      Optional<PostingRecord> applied = appliedAt(r);
      if (applied.isPresent()) {
        book.countDuplicateAdvice();
        PostingRecord refund = applied.get();
        return Decision.approve(
            refund.auth.authCode, refund.rrn, "repeated refund, not applied again");
      }
    }
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

  /** The refund in force with this request's trace (terminal, merchant, F11) and amount. */
  private Optional<PostingRecord> appliedAt(RequestView r) {
    for (PostingRecord p : book.atTrace(r.trace())) {
      if (p.type == PostingType.REFUND && !p.reversed && p.amount == r.amount().orElse(-1)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
