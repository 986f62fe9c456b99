package io.escrowkit.simulator.internal;

import java.util.List;
import java.util.Optional;

/**
 * Reversal (0400, 0420 and repeats): undoes the approved request it names, once. The original is
 * the posting with the reversal's original trace number (field 90.2 where present, else field 11,
 * which a UnionPay reversal repeats from the original; not 61.2, which in a reversal of a cancel
 * names the pre-authorization, not the cancel) at the same terminal and merchant, of the original's
 * message class (from 90.1, or UnionPay 60.1), the latest if several. Unknown originals are
 * answered 25; a second reversal of the same original 00 without a second undo. A reversal can undo
 * only the last request still in force on its pre-authorization (else 12). Call with the book's
 * lock held.
 */
final class ReversalHandler {

  private final LedgerBook book;

  ReversalHandler(LedgerBook book) {
    this.book = book;
  }

  Decision reverse(RequestView r) {
    String stan = r.originalDataStan().orElse(r.stan());
    Optional<Integer> mtiClass = r.originalMtiClass().or(() -> classOf(r.transactionTypeCode()));
    List<PostingRecord> candidates = book.atTrace(new Trace(r.terminalId(), r.merchantId(), stan));
    PostingRecord original = null;
    for (int i = candidates.size() - 1; i >= 0 && original == null; i--) {
      PostingRecord p = candidates.get(i);
      if (mtiClass.isEmpty() || mtiClass.get() == p.mtiClass) {
        original = p;
      }
    }
    if (original == null) {
      book.countUnknownReversal();
      return Decision.answer("25", "nothing to reverse");
    }
    if (original.reversed) {
      book.countDuplicateReversal();
      return Decision.answer(Decision.APPROVED, "already reversed, nothing undone");
    }
    if (original.auth.latestInForce().orElse(null) != original) {
      return Decision.answer("12", "later requests on the pre-authorization are in force");
    }
    book.undo(original);
    return Decision.answer(Decision.APPROVED, original.type + " reversed");
  }

  private static Optional<Integer> classOf(Optional<String> transactionTypeCode) {
    return transactionTypeCode.map(code -> code.startsWith("1") ? 1 : 2);
  }
}
