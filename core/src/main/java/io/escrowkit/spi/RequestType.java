package io.escrowkit.spi;

/** The request kinds a transport maps to its wire format. */
public enum RequestType {
  /** Pre-authorization. */
  HOLD,
  /** Pre-authorization completion, online. */
  CAPTURE,
  /** Pre-authorization cancel (release of the hold or of its remainder). */
  RELEASE,
  /** Completion void. */
  VOID_CAPTURE,
  /** Refund of captured money. */
  REFUND,
  /** Reversal of an in-doubt request; {@link TransportRequest#original()} says which. */
  REVERSAL
}
