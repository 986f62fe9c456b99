package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.PostingType;
import java.util.List;
import java.util.Optional;

/**
 * Finds what a follow-up request refers to, trying in turn the original trace number (field 90.2,
 * or UnionPay 61.2 unless zero) at the same terminal and merchant, the authorization code (field
 * 38), and the retrieval reference number (field 37). Call with the book's lock held.
 */
final class Originals {

  private Originals() {}

  /**
   * The pre-authorization a cancel or completion names. When the hold found by trace number has
   * another authorization code than the request's field 38, and field 38 names another hold, that
   * one is it: the trace may be another hold's at this terminal (a completion sent from another
   * terminal than its hold's names the hold's trace there), and the authorization code is the
   * hold's own. A field 38 that names no hold does not undo the trace's match.
   */
  static Optional<AuthRecord> authorization(LedgerBook book, RequestView r) {
    Optional<String> stan = r.originalStan();
    Optional<AuthRecord> byCode = r.get(38).flatMap(book::auth);
    if (stan.isPresent()) {
      Optional<PostingRecord> hold =
          latest(
              book.atTrace(new Trace(r.terminalId(), r.merchantId(), stan.get())),
              PostingType.HOLD);
      if (hold.isPresent()) {
        return byCode.isPresent() ? byCode : Optional.of(hold.get().auth);
      }
    }
    if (byCode.isPresent()) {
      return byCode;
    }
    return r.get(37).flatMap(book::postingByRrn).map(p -> p.auth);
  }

  /**
   * The completion (request or advice) a void or refund names: by trace or retrieval reference
   * even if it was reversed since (the caller refuses that, rather than taking another capture
   * of the hold), else the hold's latest completion still standing, by authorization code.
   */
  static Optional<PostingRecord> completion(LedgerBook book, RequestView r) {
    Optional<String> stan = r.originalStan();
    if (stan.isPresent()) {
      Optional<PostingRecord> hit = latestCompletion(
          book.atTrace(new Trace(r.terminalId(), r.merchantId(), stan.get())), true);
      if (hit.isPresent()) {
        return hit;
      }
    }
    Optional<PostingRecord> byRrn =
        r.get(37).flatMap(book::postingByRrn).filter(PostingRecord::isCompletion);
    if (byRrn.isPresent()) {
      return byRrn;
    }
    return r.get(38).flatMap(book::auth).flatMap(a -> latestCompletion(a.postings, false));
  }

  /**
   * Whether the request repeats the trace number of an approved request of its class whose
   * pre-authorization still holds funds. Closed ones are left out, so trace numbers that wrap
   * around in long runs are not mistaken for repeats (a repeat on a closed one is refused 22).
   */
  static boolean isDuplicate(LedgerBook book, RequestView r) {
    for (PostingRecord p : book.atTrace(r.trace())) {
      if (!p.reversed
          && p.mtiClass == r.mtiClass()
          && p.auth.status() == AuthorizationStatus.HELD) {
        return true;
      }
    }
    return false;
  }

  /** Whether the request names a card other than the authorization's. */
  static boolean otherCard(RequestView r, AuthRecord auth) {
    return r.pan().map(pan -> !Cards.token(pan).equals(auth.card.token)).orElse(false);
  }

  /** Whether the request names a currency other than the authorization's. */
  static boolean otherCurrency(RequestView r, AuthRecord auth) {
    return r.has(49) && !r.currency().equals(auth.currency);
  }

  private static Optional<PostingRecord> latest(List<PostingRecord> postings, PostingType type) {
    for (int i = postings.size() - 1; i >= 0; i--) {
      if (postings.get(i).type == type) {
        return Optional.of(postings.get(i));
      }
    }
    return Optional.empty();
  }

  private static Optional<PostingRecord> latestCompletion(
      List<PostingRecord> postings, boolean evenReversed) {
    for (int i = postings.size() - 1; i >= 0; i--) {
      PostingRecord p = postings.get(i);
      if (p.isCompletion() && (evenReversed || !p.reversed)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
