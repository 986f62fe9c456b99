package io.escrowkit.spi;

import io.escrowkit.EscrowkitException;

/** A journal write lost a race: another client changed the escrow or used the key first. */
public final class JournalConflictException extends EscrowkitException {
  private static final long serialVersionUID = 1L;

  public JournalConflictException(String message) {
    super(message);
  }
}
