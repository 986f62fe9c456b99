package io.escrowkit;

/**
 * The root of every exception the SDK throws. Unchecked; subtypes are grouped by what the caller can
 * do about them, and each message names what went wrong and where.
 */
public class EscrowkitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EscrowkitException(String message) {
    super(message);
  }

  public EscrowkitException(String message, Throwable cause) {
    super(message, cause);
  }
}
