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
  REVERSAL,
  /**
   * Pre-authorization completion advice (预授权完成通知): a capture the terminal approved on its own
   * while the host could not be reached, reported afterwards, whatever the transport's capture
   * mode (ISO 8583: 0220, repeated as 0221; UnionPay 60.1 = 24). It carries its own trace and the
   * hold's references, like an online capture; the host acknowledges it and applies a repeat once.
   */
  CAPTURE_ADVICE
}
