package io.escrowkit.iso8583.mapping;

/** How a capture (pre-authorization completion) goes to the host. Immutable and threadsafe. */
public enum CaptureMode {
  /** Completion request 0200, answered before the capture counts (预授权完成请求). */
  ONLINE,
  /**
   * Completion advice 0220 (预授权完成通知, store and forward): repeated as 0221 until the host's 0230
   * arrives or the request's deadline passes.
   */
  ADVICE
}
