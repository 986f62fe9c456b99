package io.escrowkit.simulator;

/** Where a pre-authorization stands in the simulator's books. Immutable and threadsafe. */
public enum AuthorizationStatus {
  /**
   * Funds are frozen (possibly after part of the hold was captured, where several captures may).
   */
  HELD,
  /** Captured; nothing of the hold is frozen any more. */
  COMPLETED,
  /** Cancelled (released) before or instead of capture. */
  RELEASED,
  /** The pre-authorization itself was reversed: as if it never happened. */
  REVERSED,
  /** The completion was voided and the scheme does not restore the hold. */
  VOIDED
}
