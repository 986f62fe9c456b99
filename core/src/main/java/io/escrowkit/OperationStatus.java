package io.escrowkit;

/** How an escrow operation ended. */
public enum OperationStatus {
  /** The host approved (including approvals with conditions such as UnionPay 11, A2, A4-A6). */
  APPROVED,
  /** The host (issuer or acquirer) declined; see the failure for the code and remedy. */
  DECLINED,
  /** Refused before anything was sent: a risk rule or a scheme rule (e.g. over tolerance). */
  REFUSED,
  /**
   * The outcome is unknown (timeout, broken connection, bad MAC); a reversal has been queued. Look
   * at the escrow again ({@code Escrow.refresh()}, or the same call with the same idempotency key)
   * for how it ended: reversed (REVERSED, or back where it was), or REVERSAL_REFUSED, when the host
   * refused the reversal for good and an operator settles it ({@code Escrow.failure()}).
   */
  IN_DOUBT
}
