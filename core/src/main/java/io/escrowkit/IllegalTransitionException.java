package io.escrowkit;

/**
 * A command the escrow's current state does not accept, e.g. a capture on a released escrow. The
 * escrow is unchanged and nothing was sent.
 */
public final class IllegalTransitionException extends EscrowkitException {
  private static final long serialVersionUID = 1L;

  private final String escrowId;
  private final EscrowState state;
  private final Command command;

  public IllegalTransitionException(String escrowId, EscrowState state, Command command) {
    super("escrow " + escrowId + " is " + state + " and cannot accept " + command + hint(state));
    this.escrowId = escrowId;
    this.state = state;
    this.command = command;
  }

  public String escrowId() {
    return escrowId;
  }

  public EscrowState state() {
    return state;
  }

  public Command command() {
    return command;
  }

  private static String hint(EscrowState state) {
    if (state == EscrowState.IN_DOUBT) {
      return " (a reversal is pending; retry after it is acknowledged)";
    }
    if (state.isPending()) {
      return " (a request is in flight)";
    }
    if (state == EscrowState.ADVICE_DECLINED || state == EscrowState.REVERSAL_REFUSED) {
      return " (left to an operator, who settles it with the acquirer: see Escrow.failure())";
    }
    if (state.isTerminal()) {
      return " (the escrow is finished)";
    }
    return "";
  }
}
