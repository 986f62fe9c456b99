package io.escrowkit.risk;

/** Whether a merchant may take holds: only {@link #ACTIVE} may. */
public enum MerchantStatus {
  ACTIVE,
  SUSPENDED,
  CLOSED
}
