package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.PostingType;
import java.util.Optional;

/**
 * ISO 8583:1987 request repeats (0101, 0201): sent by a terminal that had no answer to its request,
 * with the same trace. A repeat of a request the books already hold, the same kind, amount and
 * card at the same terminal and trace, is answered as the request was, approved with its
 * references, and not applied again (refused 94 if it was reversed since); otherwise the repeat is
 * the first the host sees, and runs as the request. (UnionPay POS repeats only advices, 0221,
 * which the handlers check themselves.) Call with the book's lock held.
 */
final class RequestRepeats {

  private RequestRepeats() {}

  /** Whether {@code r} is a request repeat: function digit 0 (request), and a repeat. */
  static boolean isRequestRepeat(RequestView r) {
    return r.mti.charAt(2) == '0' && r.isRepeat();
  }

  /** The answer the repeated request got, if the books hold it. */
  static Optional<Decision> earlierAnswer(LedgerBook book, RequestView r, TransactionType type) {
    Optional<PostingType> posted = postingOf(type);
    if (posted.isEmpty() || r.amount().isEmpty()) {
      return Optional.empty();
    }
    for (PostingRecord p : book.atTrace(r.trace())) {
      if (p.type == posted.get()
          && p.mtiClass == r.mtiClass()
          && p.amount == r.amount().getAsLong()
          && !Originals.otherCard(r, p.auth)) {
        return Optional.of(p.reversed
            ? Decision.answer("94", "repeat of a " + type + " reversed since; not applied")
            : Decision.approve(p.auth.authCode, p.rrn,
                "repeat of an approved " + type + ", not applied again"));
      }
    }
    return Optional.empty();
  }

  private static Optional<PostingType> postingOf(TransactionType type) {
    switch (type) {
      case PRE_AUTH:
        return Optional.of(PostingType.HOLD);
      case PRE_AUTH_CANCEL:
        return Optional.of(PostingType.CANCEL);
      case COMPLETION:
        return Optional.of(PostingType.COMPLETION);
      case COMPLETION_VOID:
        return Optional.of(PostingType.COMPLETION_VOID);
      case REFUND:
        return Optional.of(PostingType.REFUND);
      default:
        return Optional.empty();
    }
  }
}
