package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.T0;
import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VelocityRuleTest {

  private static final Duration WINDOW = Duration.ofMinutes(10);

  private final RiskHistory history = new InMemoryRiskHistory();
  private final RiskRule rule = RiskRules.velocity(3, WINDOW);

  @Test
  void holdsUpToTheMaximumAreAllowedAndTheNextIsRefused() {
    for (int i = 0; i < 3; i++) {
      RiskContext context = hold().amount((i + 1) + ".00").at(T0.plusSeconds(i)).build();
      assertThat(rule.evaluate(context, history).allowed()).as("hold %d", i + 1).isTrue();
      history.record(context);
    }

    Refusal refusal =
        rule.evaluate(hold().at(T0.plusSeconds(3)).build(), history).refusal().orElseThrow();

    assertThat(refusal.reasonCode()).isEqualTo(ReasonCodes.VELOCITY);
    assertThat(refusal.detail())
        .isEqualTo("card 622202******1234 already has 3 holds within PT10M (at most 3)");
  }

  @Test
  void holdExactlyAWindowEarlierStillCounts() {
    recordThreeAt(T0);

    assertThat(rule.evaluate(hold().at(T0.plus(WINDOW)).build(), history).allowed()).isFalse();
  }

  @Test
  void holdAWindowAndOneNanosecondEarlierNoLongerCounts() {
    recordThreeAt(T0);

    RiskContext later = hold().at(T0.plus(WINDOW).plusNanos(1)).build();

    assertThat(rule.evaluate(later, history).allowed()).isTrue();
  }

  @Test
  void holdsOfOtherCardsDoNotCount() {
    for (int i = 0; i < 3; i++) {
      history.record(hold().card(Holds.CARD_B).at(T0.plusSeconds(i)).build());
    }

    assertThat(rule.evaluate(hold().at(T0.plusSeconds(5)).build(), history).allowed()).isTrue();
  }

  @Test
  void zeroMaximumIsRejected() {
    assertThatThrownBy(() -> RiskRules.velocity(0, WINDOW))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("maxHolds");
  }

  @Test
  void nonPositiveWindowIsRejected() {
    assertThatThrownBy(() -> RiskRules.velocity(3, Duration.ZERO))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("velocity window");
  }

  private void recordThreeAt(java.time.Instant at) {
    for (int i = 0; i < 3; i++) {
      history.record(hold().reference("ref-" + i).at(at).build());
    }
  }
}
