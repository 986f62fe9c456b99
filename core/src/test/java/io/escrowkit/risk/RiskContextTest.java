package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RiskContextTest {

  @Test
  void blankMerchantIdIsRejected() {
    assertThatThrownBy(() -> hold().merchant("  ").build())
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("merchantId");
  }

  @Test
  void missingInstantIsRejectedNamingIt() {
    assertThatNullPointerException()
        .isThrownBy(() -> hold().at((java.time.Instant) null).build())
        .withMessage("at");
  }

  @Test
  void overlongReferenceIsRejected() {
    String longReference = "r".repeat(RiskContext.MAX_TEXT_LENGTH + 1);
    assertThatThrownBy(() -> hold().reference(longReference).build())
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("reference");
  }

  @Test
  void cardTokenThatLooksLikePanIsRejectedWithoutEchoingIt() {
    String pan = "6222021234567890123";
    assertThatThrownBy(() -> hold().card(pan).build())
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("looks like a PAN")
        .hasMessageNotContaining(pan);
  }

  @Test
  void unmaskedPanIsRejectedWithoutEchoingIt() {
    String pan = "6222021234561234";
    assertThatThrownBy(() -> hold().maskedPan(pan).build())
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("maskedPan")
        .hasMessageNotContaining(pan);
  }

  @Test
  void hexTokenAndFirstSixLastFourMaskAreAccepted() {
    RiskContext context =
        hold().card("9f86d081884c7d659a2feaa0c55ad015").maskedPan("622202******1234").build();

    assertThat(context.cardToken()).isEqualTo("9f86d081884c7d659a2feaa0c55ad015");
  }

  @Test
  void toStringShowsMaskedPanButNotCardToken() {
    RiskContext context = hold().build();

    assertThat(context.toString())
        .contains("622202******1234", "room-1208", "100.00 CNY")
        .doesNotContain(Holds.CARD_A);
  }
}
