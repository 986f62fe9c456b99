package io.escrowkit.simulator.internal;

/** What a request asks of the host, as {@link Classifier} reads it. */
enum TransactionType {
  SIGN_ON,
  SIGN_OFF,
  ECHO,
  /** A network management code the simulator does not offer (answered 40). */
  NETWORK_UNSUPPORTED,
  PRE_AUTH,
  PRE_AUTH_CANCEL,
  COMPLETION,
  COMPLETION_ADVICE,
  COMPLETION_VOID,
  REFUND,
  REVERSAL,
  /** The identifying fields contradict each other (answered 12). */
  INCONSISTENT,
  /** A field the transaction needs is missing (answered 30). */
  INCOMPLETE,
  /** A transaction the simulator does not offer (answered 40). */
  UNSUPPORTED;

  boolean isNetworkManagement() {
    return this == SIGN_ON || this == SIGN_OFF || this == ECHO || this == NETWORK_UNSUPPORTED;
  }

  /** A request that changes the books when approved (and that a reversal can undo). */
  boolean isFinancial() {
    return this == PRE_AUTH
        || this == PRE_AUTH_CANCEL
        || this == COMPLETION
        || this == COMPLETION_ADVICE
        || this == COMPLETION_VOID
        || this == REFUND;
  }
}
