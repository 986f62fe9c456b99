package io.escrowkit.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reversal (0400, 0420 and repeats): undoes the approved request it names, once. The original is
 * the posting with the reversal's original trace number (field 90.2 where present, else field 11,
 * which a UnionPay reversal repeats from the original; not 61.2, which in a reversal of a cancel
 * names the pre-authorization, not the cancel) at the same terminal and merchant, of the original's
 * message class (from 90.1, or UnionPay 60.1), the latest if several. Unknown originals are
 * answered 25; a second reversal of the same original 00 without a second undo. A reversal can undo
 * only the last request still in force on its pre-authorization (else 12), and only in full, for
 * its original's card, currency and amount (else 12 or 13, see {@link #mismatch}).
 *
 * <p>A reversal can overtake its original: the client gave up on a request written on a connection
 * that broke, and reversed it on a new connection, while the old connection's request still waits
 * to be read. The reversal is answered 25 (nothing to undo, which the client takes as done), and
 * its original, should it arrive afterwards, is refused 94 and not applied ({@link
 * #reversedBeforeArrival}), as switches do with a reversal that comes before its original. The last
 * {@value #REMEMBERED} such reversals are remembered. Call with the book's lock held.
 */
final class ReversalHandler {

  static final int REMEMBERED = 4096;

  private final LedgerBook book;

  /**
   * A reversal whose original had not been seen: the original's message class (0: any), and
   * whether the original has come since (and was refused).
   */
  private record Early(int mtiClass, boolean originalRefused) {}

  /** Reversals of originals not seen, by the original's trace. */
  private final Map<Trace, Early> early =
      new LinkedHashMap<Trace, Early>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Trace, Early> eldest) {
          return size() > REMEMBERED;
        }
      };

  ReversalHandler(LedgerBook book) {
    this.book = book;
  }

  /**
   * Whether {@code r} is an original whose reversal came first, or a repeat of it (0101, 0201,
   * 0221): every one of them is refused, in any order. Once the original itself was refused, the
   * next original with that trace is a new request (the trace number wrapped) and the reversal is
   * forgotten.
   */
  boolean reversedBeforeArrival(RequestView r) {
    Early reversal = early.get(r.trace());
    if (reversal == null || (reversal.mtiClass() != 0 && reversal.mtiClass() != r.mtiClass())) {
      return false;
    }
    if (r.isRepeat()) {
      return true; // a repeat of the original
    }
    if (reversal.originalRefused()) {
      early.remove(r.trace()); // its original was refused already: this one is new
      return false;
    }
    early.put(r.trace(), new Early(reversal.mtiClass(), true));
    return true;
  }

  Decision reverse(RequestView r) {
    String stan = r.originalDataStan().orElse(r.stan());
    Optional<Integer> mtiClass = r.originalMtiClass().or(() -> classOf(r.transactionTypeCode()));
    Trace trace = new Trace(r.terminalId(), r.merchantId(), stan);
    List<PostingRecord> candidates = book.atTrace(trace);
    PostingRecord original = null;
    for (int i = candidates.size() - 1; i >= 0 && original == null; i--) {
      PostingRecord p = candidates.get(i);
      if (mtiClass.isEmpty() || mtiClass.get() == p.mtiClass) {
        original = p;
      }
    }
    if (original == null) {
      early.put(trace, new Early(mtiClass.orElse(0), false));
      book.countUnknownReversal();
      return Decision.answer("25", "nothing to reverse");
    }
    Optional<Decision> mismatch = mismatch(r, original);
    if (mismatch.isPresent()) {
      return mismatch.get();
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

  /**
   * Why the reversal does not match its original, if it does not: another card (12), another
   * currency (12), another amount (13), or a partial reversal (field 95 naming an amount left in
   * force), which the simulator does not offer (12): none of them undoes the original.
   */
  private static Optional<Decision> mismatch(RequestView r, PostingRecord original) {
    if (Originals.otherCard(r, original.auth)) {
      return Optional.of(Decision.answer("12", "not the card of the " + original.type));
    }
    if (Originals.otherCurrency(r, original.auth)) {
      return Optional.of(Decision.answer("12", "currency " + r.currency() + ", the "
          + original.type + " was in " + original.auth.currency));
    }
    OptionalLong amount = r.amount();
    if (amount.isPresent() && amount.getAsLong() != original.amount) {
      return Optional.of(Decision.answer("13", "amount " + amount.getAsLong() + ", the "
          + original.type + " was for " + original.amount));
    }
    Optional<String> leftInForce = r.get(95).map(f -> f.substring(0, Math.min(12, f.length())))
        .filter(actual -> !actual.matches("0{12}"));
    if (leftInForce.isPresent()) {
      return Optional.of(Decision.answer("12", "partial reversal (field 95, actual amount '"
          + leftInForce.get() + "') not offered"));
    }
    return Optional.empty();
  }

  private static Optional<Integer> classOf(Optional<String> transactionTypeCode) {
    return transactionTypeCode.map(code -> code.startsWith("1") ? 1 : 2);
  }
}
