package io.escrowkit;

/**
 * What can happen to an escrow: the operator's commands and the outcomes that answer them. The
 * transition table answers every {@link EscrowState} x {@code Command} pair.
 */
public enum Command {
  /** Take the final amount (pre-authorization completion). */
  CAPTURE,
  /**
   * Take an amount on the terminal's own approval, the host being unreachable (offline completion,
   * store and forward): counted at once, advised to the host afterwards.
   */
  CAPTURE_OFFLINE,
  /** Cancel the hold, or release the uncaptured remainder (pre-authorization cancel). */
  RELEASE,
  /** Undo the most recent capture, the same business day. */
  VOID_CAPTURE,
  /** Return captured money. */
  REFUND,
  /** The hold's validity has passed (driven by the clock, not by the host). */
  EXPIRE,
  /** The host approved the pending request. */
  APPROVE,
  /**
   * The host declined the pending request, or refused the completion advice of a capture approved
   * offline.
   */
  DECLINE,
  /** The pending request's outcome is unknown: timeout, broken connection, bad MAC. */
  LOSE_OUTCOME,
  /** The host acknowledged the reversal of an in-doubt request. */
  CONFIRM_REVERSAL,
  /**
   * The host refused the reversal of an in-doubt request with a code that sending it again would
   * not change: the terminal cannot tell whether the request took effect.
   */
  REFUSE_REVERSAL
}
