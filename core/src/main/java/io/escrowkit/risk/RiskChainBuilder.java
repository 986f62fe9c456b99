package io.escrowkit.risk;

import io.escrowkit.risk.internal.Checks;
import io.escrowkit.risk.internal.DiscardingRiskHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a {@link RiskChain}; get one from {@link RiskChain#builder()}. This class is <em>not</em>
 * threadsafe. {@link #build()} copies the builder's state, so changing the builder afterwards never
 * changes a chain it built.
 */
public final class RiskChainBuilder {

  private final Map<String, RiskRule> rules = new LinkedHashMap<>();
  private RiskHistory history;

  RiskChainBuilder() {}

  /** Appends a rule; fails at once if a rule with the same name was already added. */
  public RiskChainBuilder rule(RiskRule rule) {
    Objects.requireNonNull(rule, "rule");
    String name = Checks.requireText(rule.name(), "rule name", RiskContext.MAX_TEXT_LENGTH);
    if (rules.containsKey(name)) {
      throw new RiskException("risk rule '" + name + "' was already added to this chain");
    }
    rules.put(name, rule);
    return this;
  }

  /**
   * The history the rules query and accepted holds are recorded in. Optional: by default a new
   * {@link InMemoryRiskHistory} per built chain, keeping at least its default retention and as long
   * as the rules look back (none at all if no rule reads history).
   */
  public RiskChainBuilder history(RiskHistory history) {
    Objects.requireNonNull(history, "history");
    if (this.history != null) {
      throw new RiskException("risk history was already set to " + this.history);
    }
    this.history = history;
    return this;
  }

  /**
   * A chain with the rules added so far, in order. Fails if the history keeps less than a rule
   * looks back.
   */
  public RiskChain build() {
    RiskRule longest = null;
    for (RiskRule rule : rules.values()) {
      if (longest == null || lookbackOf(rule).compareTo(lookbackOf(longest)) > 0) {
        longest = rule;
      }
    }
    Duration lookback = longest == null ? Duration.ZERO : lookbackOf(longest);
    RiskHistory chosen = history != null ? history : defaultHistory(lookback);
    Optional<Duration> retention = chosen.retention();
    if (longest != null && retention.isPresent() && retention.get().compareTo(lookback) < 0) {
      throw new RiskException(
          "risk rule '"
              + longest.name()
              + "' looks back "
              + lookback
              + " but the history "
              + chosen
              + " keeps only "
              + retention.get());
    }
    return new RiskChain(new ArrayList<>(rules.values()), chosen);
  }

  private static RiskHistory defaultHistory(Duration lookback) {
    if (lookback.isZero()) {
      return DiscardingRiskHistory.INSTANCE;
    }
    Duration retention =
        lookback.compareTo(InMemoryRiskHistory.DEFAULT_RETENTION) > 0
            ? lookback
            : InMemoryRiskHistory.DEFAULT_RETENTION;
    return new InMemoryRiskHistory(retention, InMemoryRiskHistory.DEFAULT_MAX_RECORDS);
  }

  private static Duration lookbackOf(RiskRule rule) {
    Duration lookback = Objects.requireNonNull(rule.lookback(), "lookback of rule " + rule.name());
    if (lookback.isNegative()) {
      throw new RiskException(
          "risk rule '" + rule.name() + "' has a negative lookback " + lookback);
    }
    return lookback;
  }
}
