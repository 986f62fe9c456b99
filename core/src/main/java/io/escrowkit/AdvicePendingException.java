package io.escrowkit;

import io.escrowkit.failure.Failure;

/**
 * The escrow has a capture approved offline whose completion advice the host has not acknowledged
 * yet (it was sent again just now, without an answer). Until it is, the host does not know the
 * capture, so no other operation on the escrow is sent. Nothing was sent or recorded; retry, with
 * the same idempotency key, once the host is reachable.
 */
public final class AdvicePendingException extends EscrowkitException {
  private static final long serialVersionUID = 1L;
  private final transient Failure failure;

  public AdvicePendingException(String escrowId) {
    super("escrow " + escrowId + " has a capture approved offline whose completion advice the host"
        + " has not acknowledged yet; the new request was not sent");
    this.failure = Failure.connectionLost(getMessage());
  }

  /** The failure with its operator remedy (category NETWORK, retryable). */
  public Failure failure() {
    return failure;
  }
}
