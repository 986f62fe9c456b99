package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerchantStatusRuleTest {

  private final RiskHistory history = new InMemoryRiskHistory();
  private final RiskRule rule =
      RiskRules.merchantStatus(
          MerchantDirectory.of(
              Map.of(
                  "M-ACTIVE", MerchantStatus.ACTIVE,
                  "M-SUSPENDED", MerchantStatus.SUSPENDED,
                  "M-CLOSED", MerchantStatus.CLOSED)));

  @Test
  void activeMerchantIsAllowed() {
    assertThat(rule.evaluate(hold().merchant("M-ACTIVE").build(), history).allowed()).isTrue();
  }

  @Test
  void unknownMerchantIsRefused() {
    Refusal refusal = refusalFor("M-NOBODY");

    assertThat(refusal.reasonCode()).isEqualTo(ReasonCodes.MERCHANT_UNKNOWN);
    assertThat(refusal.ruleName()).isEqualTo("merchant-status");
    assertThat(refusal.detail()).contains("M-NOBODY");
  }

  @Test
  void suspendedMerchantIsRefused() {
    Refusal refusal = refusalFor("M-SUSPENDED");

    assertThat(refusal.reasonCode()).isEqualTo(ReasonCodes.MERCHANT_SUSPENDED);
    assertThat(refusal.detail()).isEqualTo("merchant M-SUSPENDED is suspended");
  }

  @Test
  void closedMerchantIsRefusedAsSuspended() {
    Refusal refusal = refusalFor("M-CLOSED");

    assertThat(refusal.reasonCode()).isEqualTo(ReasonCodes.MERCHANT_SUSPENDED);
    assertThat(refusal.detail()).isEqualTo("merchant M-CLOSED is closed");
  }

  @Test
  void directoryOfMapIsACopy() {
    Map<String, MerchantStatus> statuses = new HashMap<>();
    statuses.put("M001", MerchantStatus.ACTIVE);
    MerchantDirectory directory = MerchantDirectory.of(statuses);

    statuses.put("M001", MerchantStatus.CLOSED);

    assertThat(directory.status("M001")).contains(MerchantStatus.ACTIVE);
  }

  private Refusal refusalFor(String merchantId) {
    return rule.evaluate(hold().merchant(merchantId).build(), history).refusal().orElseThrow();
  }
}
