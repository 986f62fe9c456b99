package io.escrowkit;

/**
 * An idempotency key whose first use has not finished yet, in another client sharing the journal
 * or in one that stopped before recording the outcome (recovery will). Retry later with the same
 * key.
 */
public final class OperationInProgressException extends EscrowkitException {
  private static final long serialVersionUID = 1L;

  public OperationInProgressException(String key, String escrowId) {
    super("operation with idempotency key '" + key + "' on escrow " + escrowId
        + " has not finished yet; retry later with the same key");
  }
}
