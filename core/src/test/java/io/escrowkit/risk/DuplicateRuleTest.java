package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.T0;
import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DuplicateRuleTest {

  private static final Duration WINDOW = Duration.ofMinutes(2);

  private final RiskHistory history = new InMemoryRiskHistory();
  private final RiskRule rule = RiskRules.duplicate(WINDOW);

  @Test
  void sameCardMerchantAndAmountIsRefusedEvenFromAnotherTerminalAndReference() {
    history.record(hold().build());

    RiskContext again =
        hold().terminal("T02").reference("room-1209").at(T0.plusSeconds(30)).build();
    Refusal refusal = rule.evaluate(again, history).refusal().orElseThrow();

    assertThat(refusal.reasonCode()).isEqualTo(ReasonCodes.DUPLICATE);
    assertThat(refusal.ruleName()).isEqualTo("duplicate");
    assertThat(refusal.detail())
        .contains("622202******1234", "100.00 CNY", "M001", "room-1208")
        .doesNotContain(Holds.CARD_A);
  }

  @Test
  void differentAmountMerchantOrCardIsAllowed() {
    history.record(hold().build());

    assertThat(rule.evaluate(hold().amount("100.01").build(), history).allowed()).isTrue();
    assertThat(rule.evaluate(hold().merchant("M002").build(), history).allowed()).isTrue();
    assertThat(rule.evaluate(hold().card(Holds.CARD_B).build(), history).allowed()).isTrue();
  }

  @Test
  void holdExactlyAWindowEarlierIsStillADuplicate() {
    history.record(hold().build());

    assertThat(rule.evaluate(hold().at(T0.plus(WINDOW)).build(), history).allowed()).isFalse();
  }

  @Test
  void holdAWindowAndOneNanosecondEarlierIsNotADuplicate() {
    history.record(hold().build());

    RiskContext later = hold().at(T0.plus(WINDOW).plusNanos(1)).build();

    assertThat(rule.evaluate(later, history).allowed()).isTrue();
  }

  @Test
  void holdRecordedWithALaterTimestampIsStillADuplicate() {
    history.record(hold().at(T0.plusSeconds(1)).build());

    assertThat(rule.evaluate(hold().at(T0).build(), history).allowed()).isFalse();
  }
}
