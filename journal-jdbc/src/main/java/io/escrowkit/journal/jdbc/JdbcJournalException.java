package io.escrowkit.journal.jdbc;

import io.escrowkit.EscrowkitException;

/**
 * The root of what the JDBC journal throws when it cannot open, read, back up or export the
 * journal. Writes that cannot be recorded throw the core's {@link
 * io.escrowkit.JournalFailureException}, as the journal SPI says. Messages name the journal and the
 * operation.
 */
public class JdbcJournalException extends EscrowkitException {
  private static final long serialVersionUID = 1L;

  public JdbcJournalException(String message) {
    super(message);
  }

  public JdbcJournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
