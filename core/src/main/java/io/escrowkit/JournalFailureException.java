package io.escrowkit;

/**
 * The journal could not record an intent or an outcome. The client stops taking operations rather
 * than continue with a memory it cannot trust; restart it once the journal is healthy and recovery
 * will finish the work.
 */
public final class JournalFailureException extends EscrowkitException {
  private static final long serialVersionUID = 1L;

  public JournalFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
