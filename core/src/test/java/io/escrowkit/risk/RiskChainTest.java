package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskChainTest {

  private final List<String> evaluated = new ArrayList<>();

  @Test
  void rulesRunInOrderAndAllAllowing() {
    RiskChain chain = RiskChain.builder().rule(allowing("first")).rule(allowing("second")).build();

    assertThat(chain.evaluate(hold().build()).allowed()).isTrue();
    assertThat(evaluated).containsExactly("first", "second");
    assertThat(chain.ruleNames()).containsExactly("first", "second");
  }

  @Test
  void firstRefusalWinsAndStopsTheChain() {
    RiskChain chain =
        RiskChain.builder()
            .rule(allowing("first"))
            .rule(refusing("second", "SECOND"))
            .rule(refusing("third", "THIRD"))
            .build();

    RiskDecision decision = chain.evaluate(hold().build());

    assertThat(decision.refusal().orElseThrow().reasonCode()).isEqualTo("SECOND");
    assertThat(evaluated).containsExactly("first", "second");
  }

  @Test
  void addingTheSameRuleNameTwiceFailsAtOnceNamingIt() {
    RiskChainBuilder builder = RiskChain.builder().rule(RiskRules.duplicate(Duration.ofMinutes(1)));

    assertThatThrownBy(() -> builder.rule(RiskRules.duplicate(Duration.ofMinutes(5))))
        .isInstanceOf(RiskException.class)
        .hasMessage("risk rule 'duplicate' was already added to this chain");
  }

  @Test
  void settingTheHistoryTwiceFails() {
    RiskChainBuilder builder = RiskChain.builder().history(new InMemoryRiskHistory());

    assertThatThrownBy(() -> builder.history(new InMemoryRiskHistory()))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("already set");
  }

  @Test
  void changingTheBuilderAfterBuildDoesNotChangeTheChain() {
    RiskChainBuilder builder = RiskChain.builder().rule(allowing("first"));
    RiskChain chain = builder.build();

    builder.rule(refusing("later", "LATER"));

    assertThat(chain.evaluate(hold().build()).allowed()).isTrue();
    assertThat(chain.ruleNames()).containsExactly("first");
  }

  @Test
  void historyKeepingLessThanARuleLooksBackIsRejected() {
    RiskChainBuilder builder =
        RiskChain.builder()
            .rule(RiskRules.velocity(3, Duration.ofHours(12)))
            .history(new InMemoryRiskHistory(Duration.ofHours(1), 100));

    assertThatThrownBy(builder::build)
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("'velocity' looks back PT12H")
        .hasMessageContaining("keeps only PT1H");
  }

  @Test
  void noneAllowsEverything() {
    RiskContext huge = hold().amount(Money.ofMinor(Long.MAX_VALUE, "CNY")).build();

    assertThat(RiskChain.none().evaluateAndAccept(huge).allowed()).isTrue();
    assertThat(RiskChain.none().evaluateAndAccept(huge).allowed()).isTrue();
    assertThat(RiskChain.none().ruleNames()).isEmpty();
  }

  @Test
  void evaluateDoesNotRecordButAcceptDoes() {
    RiskChain chain = RiskChain.builder().rule(RiskRules.duplicate(Duration.ofMinutes(2))).build();
    RiskContext context = hold().build();

    assertThat(chain.evaluate(context).allowed()).isTrue();
    assertThat(chain.evaluate(context).allowed()).isTrue();
    chain.accept(context);

    assertThat(chain.evaluate(context).allowed()).isFalse();
  }

  @Test
  void evaluateAndAcceptRecordsOnlyAllowedHolds() {
    InMemoryRiskHistory history = new InMemoryRiskHistory();
    RiskChain chain =
        RiskChain.builder()
            .rule(RiskRules.transactionLimit(Money.of("1.00", "CNY"), Money.of("500.00", "CNY")))
            .history(history)
            .build();

    assertThat(chain.evaluateAndAccept(hold().amount("500.01").build()).allowed()).isFalse();
    assertThat(history.size()).isZero();
    assertThat(chain.evaluateAndAccept(hold().amount("500.00").build()).allowed()).isTrue();
    assertThat(history.size()).isEqualTo(1);
  }

  @Test
  void withdrawnHoldNoLongerCountsAsDuplicate() {
    RiskChain chain = RiskChain.builder().rule(RiskRules.duplicate(Duration.ofMinutes(2))).build();
    RiskContext declined = hold().build();
    chain.evaluateAndAccept(declined);

    assertThat(chain.withdraw(declined)).isTrue();

    assertThat(chain.evaluateAndAccept(hold().build()).allowed()).isTrue();
    assertThat(chain.withdraw(hold().reference("never-sent").build())).isFalse();
  }

  @Test
  void failingRuleIsReportedNamingRuleAndHold() {
    IllegalStateException cause = new IllegalStateException("directory offline");
    RiskChain chain =
        RiskChain.builder()
            .rule(
                RiskRules.merchantStatus(
                    merchantId -> {
                      throw cause;
                    }))
            .build();

    assertThatThrownBy(() -> chain.evaluate(hold().build()))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("'merchant-status' failed on hold room-1208 of merchant M001")
        .hasCause(cause);
  }

  private RiskRule allowing(String name) {
    return rule(name, RiskDecision.allow());
  }

  private RiskRule refusing(String name, String reasonCode) {
    return rule(name, RiskDecision.refuse(name, reasonCode, name + " says no"));
  }

  private RiskRule rule(String name, RiskDecision decision) {
    return new RiskRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public RiskDecision evaluate(RiskContext context, RiskHistory history) {
        evaluated.add(name);
        return decision;
      }
    };
  }
}
