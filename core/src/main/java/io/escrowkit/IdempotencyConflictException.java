package io.escrowkit;

/** An idempotency key reused with different parameters. Nothing was sent. */
public final class IdempotencyConflictException extends EscrowkitException {
  private static final long serialVersionUID = 1L;

  public IdempotencyConflictException(String key, String firstUse, String thisUse) {
    super("idempotency key '" + key + "' was first used for [" + firstUse + "] and now for ["
        + thisUse + "]; use a new key for a different operation");
  }
}
