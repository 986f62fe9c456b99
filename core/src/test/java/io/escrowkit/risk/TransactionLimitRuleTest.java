package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionLimitRuleTest {

  private final RiskHistory history = new InMemoryRiskHistory();
  private final RiskRule rule =
      RiskRules.transactionLimits(
          List.of(
              new AmountRange(Money.of("1.00", "CNY"), Money.of("50000.00", "CNY")),
              new AmountRange(Money.of("100", "JPY"), Money.of("1000000", "JPY"))));

  @Test
  void exactMinimumAndMaximumAreAllowed() {
    assertThat(evaluate(Money.of("1.00", "CNY")).allowed()).isTrue();
    assertThat(evaluate(Money.of("50000.00", "CNY")).allowed()).isTrue();
    assertThat(evaluate(Money.of("100", "JPY")).allowed()).isTrue();
  }

  @Test
  void oneMinorUnitBelowMinimumIsRefused() {
    Refusal refusal = evaluate(Money.of("0.99", "CNY")).refusal().orElseThrow();

    assertThat(refusal.reasonCode()).isEqualTo(ReasonCodes.TRANSACTION_LIMIT);
    assertThat(refusal.detail()).isEqualTo("amount 0.99 CNY is below the minimum of 1.00 CNY");
  }

  @Test
  void oneMinorUnitAboveMaximumIsRefused() {
    Refusal refusal = evaluate(Money.of("50000.01", "CNY")).refusal().orElseThrow();

    assertThat(refusal.reasonCode()).isEqualTo(ReasonCodes.TRANSACTION_LIMIT);
    assertThat(refusal.detail()).contains("above the maximum of 50000.00 CNY");
    assertThat(evaluate(Money.of("1000001", "JPY")).allowed()).isFalse();
  }

  @Test
  void currencyWithoutRangeIsRefused() {
    Refusal refusal = evaluate(Money.of("10.00", "USD")).refusal().orElseThrow();

    assertThat(refusal.reasonCode()).isEqualTo(ReasonCodes.TRANSACTION_LIMIT);
    assertThat(refusal.detail()).contains("USD", "not accepted", "CNY", "JPY");
  }

  @Test
  void twoRangesForOneCurrencyFailNamingIt() {
    AmountRange small = new AmountRange(Money.of("1.00", "CNY"), Money.of("10.00", "CNY"));
    AmountRange large = new AmountRange(Money.of("1.00", "CNY"), Money.of("99.00", "CNY"));

    assertThatThrownBy(() -> RiskRules.transactionLimits(List.of(small, large)))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("CNY given twice");
  }

  @Test
  void rangeWithMinimumAboveMaximumIsRejected() {
    assertThatThrownBy(() -> RiskRules.transactionLimit(Money.of("2", "CNY"), Money.of("1", "CNY")))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("above its maximum");
  }

  private RiskDecision evaluate(Money amount) {
    return rule.evaluate(hold().amount(amount).build(), history);
  }
}
