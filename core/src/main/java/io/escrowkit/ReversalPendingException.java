package io.escrowkit;

import io.escrowkit.failure.Failure;

/**
 * The terminal still owes the host a reversal that was not acknowledged just now, and the scheme
 * requires it to be settled before any new request ({@link SchemeProfile#reversalFirst()}).
 * Nothing was sent or recorded; retry, with the same idempotency key, once the host is reachable.
 */
public final class ReversalPendingException extends EscrowkitException {
  private static final long serialVersionUID = 1L;
  private final transient Failure failure;

  public ReversalPendingException(String terminalId, int owed) {
    this(terminalId, owed, "");
  }

  /**
   * @param escrowIds the escrows whose reversals are owed, named in the message so that an
   *     operator can look them up (their timelines, the warnings logged for each attempt)
   */
  public ReversalPendingException(String terminalId, java.util.List<String> escrowIds) {
    this(terminalId, escrowIds.size(), ", for escrow(s) " + String.join(", ", escrowIds));
  }

  private ReversalPendingException(String terminalId, int owed, String which) {
    super("terminal " + terminalId + " still owes the host " + owed + " reversal(s)" + which
        + "; the new request was not sent");
    this.failure = Failure.reversalPending(getMessage());
  }

  /** The failure with its operator remedy (category NETWORK, retryable). */
  public Failure failure() {
    return failure;
  }
}
