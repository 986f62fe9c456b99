package io.escrowkit.cli;

/**
 * Bad arguments or bad input to a command: printed as one line on stderr, exit status 2. Immutable
 * and threadsafe.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
