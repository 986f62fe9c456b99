package io.escrowkit.risk;

import java.util.Optional;

/**
 * The outcome of risk checks on one hold: allowed, or a {@link Refusal} naming the rule and its
 * reason. A refusal is a normal result, never an exception. Implementations are immutable and
 * threadsafe.
 */
public sealed interface RiskDecision permits Allowed, Refusal {

  /** The hold may be sent. Always the same instance. */
  static RiskDecision allow() {
    return Allowed.INSTANCE;
  }

  /** The hold must not be sent; see {@link Refusal} for what each argument means. */
  static Refusal refuse(String ruleName, String reasonCode, String detail) {
    return new Refusal(ruleName, reasonCode, detail);
  }

  /** Whether the hold may be sent. */
  boolean allowed();

  /** The refusal, empty when the hold is allowed. */
  Optional<Refusal> refusal();
}
