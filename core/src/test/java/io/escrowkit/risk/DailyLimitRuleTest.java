package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Money;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DailyLimitRuleTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Money LIMIT = Money.of("5000.00", "CNY");

  private final RiskHistory history = new InMemoryRiskHistory();

  @Test
  void reachingTheLimitExactlyIsAllowed() {
    RiskRule rule = RiskRules.dailyLimit(LIMIT, SHANGHAI);
    history.record(hold().amount("4000.00").build());

    assertThat(rule.evaluate(hold().amount("1000.00").build(), history).allowed()).isTrue();
  }

  @Test
  void oneMinorUnitOverTheLimitIsRefused() {
    RiskRule rule = RiskRules.dailyLimit(LIMIT, SHANGHAI);
    history.record(hold().amount("4000.00").build());

    Refusal refusal =
        rule.evaluate(hold().amount("1000.01").build(), history).refusal().orElseThrow();

    assertThat(refusal.ruleName()).isEqualTo("daily-card-limit-CNY");
    assertThat(refusal.reasonCode()).isEqualTo(ReasonCodes.DAILY_LIMIT);
    assertThat(refusal.detail())
        .contains("622202******1234", "4000.00 CNY", "1000.01 CNY", "5000.00 CNY", "2025-03-01")
        .doesNotContain(Holds.CARD_A);
  }

  @Test
  void otherCardsDoNotCount() {
    RiskRule rule = RiskRules.dailyLimit(LIMIT, SHANGHAI);
    history.record(hold().card(Holds.CARD_B).amount("5000.00").build());

    assertThat(rule.evaluate(hold().amount("5000.00").build(), history).allowed()).isTrue();
  }

  @Test
  void shanghaiMidnightStartsANewDayWhileUtcDayGoesOn() {
    // 15:59:59Z is 23:59:59 in Shanghai (UTC+8); 16:00:00Z is midnight there, still the same UTC
    // day.
    history.record(hold().amount("5000.00").at("2025-03-01T15:59:59Z").build());
    RiskContext afterShanghaiMidnight = hold().amount("0.01").at("2025-03-01T16:00:00Z").build();

    RiskDecision inShanghai =
        RiskRules.dailyLimit(LIMIT, SHANGHAI).evaluate(afterShanghaiMidnight, history);
    RiskDecision inUtc =
        RiskRules.dailyLimit(LIMIT, ZoneOffset.UTC).evaluate(afterShanghaiMidnight, history);

    assertThat(inShanghai.allowed()).isTrue();
    assertThat(inUtc.allowed()).isFalse();
  }

  @Test
  void lastNanosecondOfTheShanghaiDayStillCounts() {
    history.record(hold().amount("5000.00").at("2025-03-01T15:59:59.999999999Z").build());

    RiskDecision decision =
        RiskRules.dailyLimit(LIMIT, SHANGHAI)
            .evaluate(hold().amount("0.01").at("2025-02-28T16:00:00Z").build(), history);

    assertThat(decision.allowed()).isFalse();
  }

  @Test
  void holdsInAnotherCurrencyNeitherCountNorAreLimited() {
    RiskRule rule = RiskRules.dailyLimit(LIMIT, SHANGHAI);
    history.record(hold().amount(Money.of("9000.00", "USD")).build());

    assertThat(rule.evaluate(hold().amount("5000.00").build(), history).allowed()).isTrue();
    assertThat(rule.evaluate(hold().amount(Money.of("9999.00", "USD")).build(), history).allowed())
        .isTrue();
  }

  @Test
  void merchantLimitSumsAllCardsOfTheMerchant() {
    RiskRule rule = RiskRules.merchantDailyLimit(LIMIT, SHANGHAI);
    history.record(hold().card(Holds.CARD_B).amount("3000.00").build());
    history.record(hold().merchant("M002").amount("3000.00").build());

    assertThat(rule.evaluate(hold().amount("2000.00").build(), history).allowed()).isTrue();
    Refusal refusal =
        rule.evaluate(hold().amount("2000.01").build(), history).refusal().orElseThrow();
    assertThat(refusal.ruleName()).isEqualTo("daily-merchant-limit-CNY");
    assertThat(refusal.detail()).startsWith("merchant M001 has 3000.00 CNY");
  }
}
