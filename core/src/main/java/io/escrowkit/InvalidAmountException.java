package io.escrowkit;

/** An amount that cannot be money: malformed text, too many decimals, negative, or overflowing. */
public final class InvalidAmountException extends EscrowkitException {
  private static final long serialVersionUID = 1L;

  public InvalidAmountException(String message) {
    super(message);
  }
}
