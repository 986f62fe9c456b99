package io.escrowkit.failure;

/**
 * What a response code (ISO 8583 field 39) means for the transaction as a whole. Immutable and
 * threadsafe.
 */
public enum ResponseDisposition {
  /** Approved: {@code 00}. */
  APPROVED,
  /**
   * Approved, with something the operator should know: partial amount ({@code 10}), VIP ({@code
   * 11}), or one of UnionPay's "approved with defect" answers ({@code A2}, {@code A4}, {@code A5},
   * {@code A6}). Still an approval: the funds are held or moved.
   */
  APPROVED_WITH_CONDITIONS,
  /** Not approved; the response code's category says why. */
  DECLINED;

  /** True for {@link #APPROVED} and {@link #APPROVED_WITH_CONDITIONS}. */
  public boolean isApproval() {
    return this != DECLINED;
  }
}
