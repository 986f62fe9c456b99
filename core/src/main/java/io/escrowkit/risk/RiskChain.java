package io.escrowkit.risk;

import io.escrowkit.risk.internal.DiscardingRiskHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The risk checks run before a hold is sent: rules in order, the first refusal wins and stops the
 * chain. Build one with {@link #builder()}; {@link #none()} allows everything. This class is
 * threadsafe; share one instance per history.
 *
 * <p><b>When a hold is recorded.</b> A hold is recorded in the history when it is <em>sent</em>,
 * i.e. as soon as the chain allows it, not when the issuer approves it: otherwise two identical
 * holds sent at the same moment would both pass the duplicate rule while the first awaits its
 * answer. Use {@link #evaluateAndAccept}, which checks and records under one lock so concurrent
 * identical holds cannot both pass. A hold that then does not take effect (declined, reversed)
 * should be {@linkplain #withdraw withdrawn} so it stops counting towards limits and duplicates.
 *
 * <p>All methods hold the chain's lock; a history shared by two chains is not covered by it.
 */
public final class RiskChain {

  private static final RiskChain NONE =
      new RiskChain(Collections.<RiskRule>emptyList(), DiscardingRiskHistory.INSTANCE);

  private final List<RiskRule> rules;
  private final RiskHistory history;
  private final Object lock = new Object();

  RiskChain(List<RiskRule> rules, RiskHistory history) {
    this.rules = Collections.unmodifiableList(new ArrayList<>(rules));
    this.history = Objects.requireNonNull(history, "history");
  }

  public static RiskChainBuilder builder() {
    return new RiskChainBuilder();
  }

  /** A chain without rules: every hold is allowed and nothing is recorded. */
  public static RiskChain none() {
    return NONE;
  }

  /**
   * Runs the rules without recording the hold. A rule that throws makes this throw a {@link
   * RiskException} naming it: the hold must then not be sent.
   */
  public RiskDecision evaluate(RiskContext context) {
    Objects.requireNonNull(context, "context");
    synchronized (lock) {
      return runRules(context);
    }
  }

  /** Records a hold that is being sent; see the class comment for when. */
  public void accept(RiskContext context) {
    Objects.requireNonNull(context, "context");
    synchronized (lock) {
      history.record(context);
    }
  }

  /**
   * Runs the rules and, if they allow the hold, records it, all under one lock. This is the call to
   * make right before sending a hold.
   */
  public RiskDecision evaluateAndAccept(RiskContext context) {
    Objects.requireNonNull(context, "context");
    synchronized (lock) {
      RiskDecision decision = runRules(context);
      if (decision.allowed()) {
        history.record(context);
      }
      return decision;
    }
  }

  /**
   * Removes an accepted hold that did not take effect (declined by the issuer, reversed), so it no
   * longer counts. Returns whether it was recorded.
   */
  public boolean withdraw(RiskContext context) {
    Objects.requireNonNull(context, "context");
    synchronized (lock) {
      return history.forget(context);
    }
  }

  /** The rules' names, in the order they run. */
  public List<String> ruleNames() {
    List<String> names = new ArrayList<>(rules.size());
    for (RiskRule rule : rules) {
      names.add(rule.name());
    }
    return Collections.unmodifiableList(names);
  }

  @Override
  public String toString() {
    return "RiskChain" + rules + " with " + history;
  }

  private RiskDecision runRules(RiskContext context) {
    for (RiskRule rule : rules) {
      RiskDecision decision;
      try {
        decision = rule.evaluate(context, history);
      } catch (RuntimeException e) {
        throw new RiskException(failureOf(rule, context) + ": " + e, e);
      }
      if (decision == null) {
        throw new RiskException(failureOf(rule, context) + ": it returned null");
      }
      if (!decision.allowed()) {
        return decision;
      }
    }
    return RiskDecision.allow();
  }

  private static String failureOf(RiskRule rule, RiskContext context) {
    return "risk rule '"
        + rule.name()
        + "' failed on hold "
        + context.reference()
        + " of merchant "
        + context.merchantId();
  }
}
