package io.escrowkit.risk;

import java.util.Optional;

/** The single "allowed" decision; obtain it with {@link RiskDecision#allow()}. */
enum Allowed implements RiskDecision {
  INSTANCE;

  @Override
  public boolean allowed() {
    return true;
  }

  @Override
  public Optional<Refusal> refusal() {
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "allowed";
  }
}
