package io.escrowkit.journal.jdbc;

/**
 * The journal was written by a newer version of this library (its schema version is higher than
 * this version knows), or is not an escrowkit journal at all. Nothing was changed in it.
 */
public final class UnsupportedSchemaException extends JdbcJournalException {
  private static final long serialVersionUID = 1L;

  public UnsupportedSchemaException(String message) {
    super(message);
  }
}
