package io.escrowkit.failure;

/**
 * A response code that is not two characters of {@code [0-9A-Z]}. The message names the input.
 * Extends {@link IllegalArgumentException} because it is always a caller's bad argument.
 */
public final class InvalidResponseCodeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidResponseCodeException(String message) {
    super(message);
  }
}
