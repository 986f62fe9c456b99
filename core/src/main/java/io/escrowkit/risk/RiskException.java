package io.escrowkit.risk;

import io.escrowkit.EscrowkitException;

/**
 * Something is wrong with the risk checks themselves, not with the hold: an invalid {@link
 * RiskContext}, a misconfigured rule or chain, or a rule that failed while evaluating. A hold that
 * the rules refuse is never an exception; it is a {@link Refusal}.
 *
 * <p>Callers should treat this as "the hold must not be sent" (risk checks fail closed).
 */
public final class RiskException extends EscrowkitException {
  private static final long serialVersionUID = 1L;

  public RiskException(String message) {
    super(message);
  }

  public RiskException(String message, Throwable cause) {
    super(message, cause);
  }
}
