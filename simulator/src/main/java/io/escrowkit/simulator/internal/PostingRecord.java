package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.Posting;
import io.escrowkit.simulator.PostingType;

/** One approved request; guarded by the {@link LedgerBook}'s lock. */
final class PostingRecord {
  final PostingType type;
  final AuthRecord auth;
  final Trace trace;
  final int mtiClass;
  final String rrn;
  final long amount;

  /** The authorization's state before this posting, which a reversal restores. */
  final AuthRecord.State before;

  /** For a void or refund: the completion it applies to. */
  final PostingRecord target;

  boolean reversed;
  boolean voided;
  long refunded;

  PostingRecord(
      PostingType type,
      AuthRecord auth,
      Trace trace,
      int mtiClass,
      String rrn,
      long amount,
      PostingRecord target) {
    this.type = type;
    this.auth = auth;
    this.trace = trace;
    this.mtiClass = mtiClass;
    this.rrn = rrn;
    this.amount = amount;
    this.before = auth.state();
    this.target = target;
  }

  boolean isCompletion() {
    return type == PostingType.COMPLETION || type == PostingType.COMPLETION_ADVICE;
  }

  Posting snapshot() {
    return new Posting(
        type,
        auth.authCode,
        trace.terminalId(),
        trace.merchantId(),
        trace.stan(),
        rrn,
        amount,
        reversed);
  }
}
