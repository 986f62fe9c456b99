package io.escrowkit.simulator.internal;

import io.escrowkit.SchemeProfile;
import io.escrowkit.simulator.DeclineTriggers;
import java.util.Optional;

/**
 * The approval rules besides the card's balance: the scheme's capture tolerance, whether a hold may
 * be captured in parts, whether a void restores the hold, and whether amount triggers apply.
 *
 * @param scheme capture tolerance, multiple captures, void behaviour
 * @param amountTriggers whether {@link DeclineTriggers} decide by amount
 */
public record HostRules(SchemeProfile scheme, boolean amountTriggers) {

  /** The response code an amount triggers, when triggers are on. */
  Optional<String> trigger(long amount) {
    return amountTriggers ? DeclineTriggers.codeFor(amount) : Optional.empty();
  }

  /** The most all completions of a hold may add up to. */
  long captureLimit(long held) {
    return Math.multiplyExact(held, (long) scheme.captureTolerancePercent()) / 100;
  }
}
