package io.escrowkit;

/** The requests an escrow makes of the host, each carried by one idempotent call. */
public enum Operation {
  HOLD,
  CAPTURE,
  RELEASE,
  VOID_CAPTURE,
  REFUND
}
