package io.escrowkit.risk;

import java.time.Duration;

/**
 * One risk check run before a hold is sent. {@link RiskRules} has the built-in ones.
 *
 * <p>A rule reads the hold's time from {@link RiskContext#at()} (never a clock), may query the
 * {@link RiskHistory} but must not {@linkplain RiskHistory#record record} into it, and returns
 * {@link RiskDecision#allow()} or a {@link Refusal} carrying its {@link #name()}. Refusing is not
 * an exception; an exception means the rule itself failed (the chain then fails closed).
 *
 * <p>Implementations must be threadsafe; the built-in ones are immutable.
 */
public interface RiskRule {

  /**
   * Unique within a {@link RiskChain}, e.g. {@code "velocity"}; used in {@link Refusal#ruleName()}.
   */
  String name();

  /** Allows or refuses the hold described by {@code context}. */
  RiskDecision evaluate(RiskContext context, RiskHistory history);

  /**
   * How far before {@link RiskContext#at()} the rule reads history; {@link Duration#ZERO} (the
   * default) for rules that do not read it. {@link RiskChainBuilder#build()} refuses a history that
   * keeps less.
   */
  default Duration lookback() {
    return Duration.ZERO;
  }
}
