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
    super("terminal " + terminalId + " still owes the host " + owed
        + " reversal(s); the new request was not sent");
    this.failure = Failure.connectionLost(getMessage());
  }

  /** The failure with its operator remedy (category NETWORK, retryable). */
  public Failure failure() {
    return failure;
  }
}
