package io.escrowkit;

/** No escrow with this id exists in the client's journal. */
public final class UnknownEscrowException extends EscrowkitException {
  private static final long serialVersionUID = 1L;

  public UnknownEscrowException(String escrowId) {
    super("no escrow with id '" + escrowId + "' in the journal");
  }
}
