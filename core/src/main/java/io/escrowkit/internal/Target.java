package io.escrowkit.internal;

/**
 * How a transition picks its target state. Most are {@link #FIXED}; the others depend on the
 * amounts and the scheme profile, and are resolved in one place, {@code EscrowStateMachine}.
 */
public enum Target {
  /** Not accepted in this state. */
  ILLEGAL,
  /** Always the same state. */
  FIXED,
  /** Back to the state before the pending request (it was declined: nothing changed). */
  RESUME,
  /** The in-doubt request was reversed: back to before it, or REVERSED for a hold. */
  UNDO,
  /** CAPTURED when final (single-capture scheme, final flag, or hold used up), else PARTIALLY_CAPTURED. */
  AFTER_CAPTURE,
  /** CAPTURED when something was captured (remainder released), else RELEASED. */
  AFTER_RELEASE,
  /** HELD or PARTIALLY_CAPTURED when the profile restores the hold, else VOIDED. */
  AFTER_VOID,
  /** REFUNDED when all captured money is refunded, else PARTIALLY_REFUNDED. */
  AFTER_REFUND
}
