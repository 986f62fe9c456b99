package io.escrowkit.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RiskDecisionTest {

  @Test
  void allowIsAllowedAndHasNoRefusal() {
    RiskDecision decision = RiskDecision.allow();

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.refusal()).isEmpty();
  }

  @Test
  void refuseCarriesRuleReasonAndDetail() {
    RiskDecision decision = RiskDecision.refuse("velocity", ReasonCodes.VELOCITY, "too many");

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.refusal()).contains(new Refusal("velocity", "VELOCITY", "too many"));
    assertThat(decision).hasToString("refused by velocity: VELOCITY (too many)");
  }

  @Test
  void lowerCaseReasonCodeIsRejected() {
    assertThatThrownBy(() -> RiskDecision.refuse("custom", "too_fast", "detail"))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("reasonCode of rule 'custom'");
  }

  @Test
  void overlongDetailIsCutToTheMaximum() {
    Refusal refusal = RiskDecision.refuse("custom", "CUSTOM", "x".repeat(2000));

    assertThat(refusal.detail()).hasSize(Refusal.MAX_DETAIL_LENGTH).endsWith("\u2026");
  }

  /** A pair beyond the Basic Multilingual Plane across the cut is kept whole or left out. */
  @Test
  void aCutDetailNeverEndsInHalfAPair() {
    for (int shift = 0; shift < 2; shift++) {
      String detail = "x".repeat(shift) + "\uD83C\uDFE8".repeat(1000);

      String cut = RiskDecision.refuse("custom", "CUSTOM", detail).detail();

      assertThat(cut).endsWith("\u2026");
      assertThat(cut.codePoints())
          .noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }
  }
}
