package io.escrowkit.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FailureTest {

  private static final String TEST_PAN = "6222021234567890123";

  @Test
  void fromResponseCodeCarriesCategoryCodeAndRemedy() {
    Failure failure = Failure.fromResponseCode("51");

    assertThat(failure.category()).isEqualTo(FailureCategory.ISSUER_DECLINE);
    assertThat(failure.code()).isEqualTo("ISSUER_DECLINE/51");
    assertThat(failure.responseCode()).contains("51");
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.detail()).isEqualTo("response code 51: Not sufficient funds");
    assertThat(failure.remedy(Locale.SIMPLIFIED_CHINESE)).isEqualTo("余额不足，请持卡人更换其他卡片或降低金额");
    assertThat(failure.message(Locale.ENGLISH)).isEqualTo("Not sufficient funds");
  }

  @Test
  void fromResponseCodeKeepsTheCodesRetryability() {
    assertThat(Failure.fromResponseCode("96").code()).isEqualTo("ACQUIRER_GATEWAY/96");
    assertThat(Failure.fromResponseCode("96").retryable()).isTrue();
    assertThat(Failure.fromResponseCode("41").code()).isEqualTo("SUSPECTED_FRAUD/41");
    assertThat(Failure.fromResponseCode("41").retryable()).isFalse();
  }

  @Test
  void remainderNotReleasedNeedsAnOperatorAndKeepsTheDecliningCategory() {
    Failure failure = Failure.remainderNotReleased("05", "escrow e-1: cancel of 50.00 CNY declined");

    assertThat(failure.category()).isEqualTo(FailureCategory.ISSUER_DECLINE);
    assertThat(failure.code()).isEqualTo("RELEASE_REMAINDER/05");
    assertThat(failure.responseCode()).contains("05");
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.detail()).startsWith("escrow e-1: cancel of 50.00 CNY declined")
        .contains("response code 05");
    assertThat(failure.remedy(Locale.ENGLISH)).contains("stays frozen");
    assertThat(Texts.containsHan(failure.remedy(Locale.SIMPLIFIED_CHINESE))).isTrue();
    assertThat(Texts.containsHan(failure.message(Locale.SIMPLIFIED_CHINESE))).isTrue();
    assertThatThrownBy(() -> Failure.remainderNotReleased("00", "d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("approval");
  }

  @Test
  void unknownResponseCodeBecomesAGatewayFailureNamingIt() {
    Failure failure = Failure.fromResponseCode("Q7");

    assertThat(failure.code()).isEqualTo("ACQUIRER_GATEWAY/Q7");
    assertThat(failure.detail()).contains("unknown response code 'Q7'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "11", "A2", "A6"})
  void anApprovalIsNotAFailure(String code) {
    assertThatThrownBy(() -> Failure.fromResponseCode(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(code)
        .hasMessageContaining("approval");
  }

  @Test
  void networkFailuresAreRetryableWithStableCodes() {
    Failure timeout = Failure.networkTimeout("no response in 60s from acquirer");
    Failure lost = Failure.connectionLost("connection reset");

    assertThat(timeout.code()).isEqualTo("NETWORK/TIMEOUT");
    assertThat(lost.code()).isEqualTo("NETWORK/CONNECTION_LOST");
    assertThat(timeout.category()).isEqualTo(FailureCategory.NETWORK);
    assertThat(timeout.retryable()).isTrue();
    assertThat(lost.retryable()).isTrue();
    assertThat(timeout.responseCode()).isEmpty();
    assertThat(timeout.remedy(Locale.CHINA)).contains("冲正");
  }

  @Test
  void protocolAndInternalFailuresAreNotRetryable() {
    Failure protocol = Failure.protocol("field 39 missing in 0110");
    Failure internal = Failure.internal("journal write failed");

    assertThat(protocol.code()).isEqualTo("PROTOCOL/ERROR");
    assertThat(protocol.category()).isEqualTo(FailureCategory.PROTOCOL);
    assertThat(internal.code()).isEqualTo("INTERNAL/ERROR");
    assertThat(internal.category()).isEqualTo(FailureCategory.INTERNAL);
    assertThat(protocol.retryable()).isFalse();
    assertThat(internal.retryable()).isFalse();
  }

  @Test
  void deviceFailureCodeNamesTheKind() {
    Failure failure = Failure.device("OUT_OF_PAPER", "printer reported paper end");

    assertThat(failure.code()).isEqualTo("DEVICE/OUT_OF_PAPER");
    assertThat(failure.category()).isEqualTo(FailureCategory.DEVICE);
    assertThat(failure.remedy(Locale.CHINA)).contains("打印纸");
    assertThat(failure.remedy(Locale.ENGLISH)).contains("paper");
  }

  @Test
  void tamperedDeviceIsNeverRetryableAndChipErrorIs() {
    assertThat(Failure.device("TAMPERED", "tamper switch").retryable()).isFalse();
    assertThat(Failure.device("CHIP_ERROR", "APDU 6F00").retryable()).isTrue();
  }

  /**
   * Every kind a device can report has wording of its own, and is retryable exactly when the
   * device SPI says the same request may succeed again (except NOT_PRESENT, a component not
   * connected: retryable once it is).
   */
  @ParameterizedTest
  @EnumSource(io.escrowkit.device.DeviceFailure.class)
  void everyDeviceFailureKindHasItsOwnWordingAndTheDevicesRetryability(
      io.escrowkit.device.DeviceFailure kind) {
    Failure failure = Failure.device(kind.name(), "x");
    Failure generic = Failure.device("NO_SUCH_KIND", "x");

    assertThat(failure.remedy(Locale.ENGLISH)).isNotEqualTo(generic.remedy(Locale.ENGLISH));
    assertThat(failure.remedy(Locale.CHINA)).isNotEqualTo(generic.remedy(Locale.CHINA));
    if (kind != io.escrowkit.device.DeviceFailure.NOT_PRESENT) {
      assertThat(failure.retryable()).as("%s", kind).isEqualTo(kind.retryable());
    }
  }

  @Test
  void unknownDeviceKindGetsTheGenericRemedyUnderItsOwnCode() {
    Failure failure = Failure.device("SOLAR_FLARE", "unexpected");

    assertThat(failure.code()).isEqualTo("DEVICE/SOLAR_FLARE");
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.remedy(Locale.ENGLISH))
        .isNotEqualTo(Failure.device("OUT_OF_PAPER", "x").remedy(Locale.ENGLISH));
  }

  @Test
  void riskRefusalCodeNamesTheReasonAndDetailNamesTheRule() {
    Failure failure = Failure.riskRefusal("merchant-daily-cap", "DAILY_LIMIT", "50000.00 CNY used");

    assertThat(failure.code()).isEqualTo("RISK/DAILY_LIMIT");
    assertThat(failure.category()).isEqualTo(FailureCategory.RISK_COMPLIANCE);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.detail()).contains("merchant-daily-cap").contains("50000.00 CNY used");
    assertThat(failure.remedy(Locale.CHINA)).contains("当日");
  }

  @Test
  void unknownRiskReasonFallsBackToTheGenericRemedy() {
    Failure known = Failure.riskRefusal("r", "VELOCITY", "");
    Failure unknown = Failure.riskRefusal("r", "GEOFENCE", "");

    assertThat(unknown.code()).isEqualTo("RISK/GEOFENCE");
    assertThat(unknown.remedy(Locale.ENGLISH)).isNotEqualTo(known.remedy(Locale.ENGLISH));
    assertThat(unknown.remedy(Locale.ENGLISH)).contains("risk rules");
  }

  @Test
  void operatorErrorCodeNamesTheError() {
    Failure failure =
        Failure.operator("CAPTURE_OVER_TOLERANCE", "capture 130.00 > hold 100.00 +15%");

    assertThat(failure.code()).isEqualTo("OPERATOR/CAPTURE_OVER_TOLERANCE");
    assertThat(failure.category()).isEqualTo(FailureCategory.OPERATOR);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.remedy(Locale.CHINA)).contains("差额");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "daily_limit", "DAILY-LIMIT", "A/B"})
  void malformedKeysAreRefusedNamingTheParameter(String key) {
    assertThatThrownBy(() -> Failure.riskRefusal("rule", key, "detail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reasonCode");
    assertThatThrownBy(() -> Failure.device(key, "detail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deviceFailureKind");
    assertThatThrownBy(() -> Failure.operator(key, "detail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("code");
  }

  @Test
  void nullArgumentsAreRefusedWithTheirNames() {
    assertThatThrownBy(() -> Failure.networkTimeout(null)).hasMessage("detail");
    assertThatThrownBy(() -> Failure.riskRefusal(null, "VELOCITY", "d")).hasMessage("ruleName");
    assertThatThrownBy(() -> Failure.device(null, "d")).hasMessage("deviceFailureKind");
    assertThatThrownBy(() -> Failure.fromResponseCode(null)).hasMessage("code");
  }

  @Test
  void detailNeverCarriesAFullCardNumber() {
    Failure failure = Failure.internal("could not journal PAN " + TEST_PAN + " for hold");

    assertThat(failure.detail()).doesNotContain(TEST_PAN).contains("622202*********0123");
    assertThat(failure.toString()).doesNotContain(TEST_PAN);
  }

  @Test
  void detailIsCutToItsLimitWithoutExposingACardNumberAtTheCut() {
    String padding = "x".repeat(Failure.MAX_DETAIL_LENGTH - 8);
    Failure failure = Failure.protocol(padding + TEST_PAN + " and more");

    assertThat(failure.detail()).hasSize(Failure.MAX_DETAIL_LENGTH + "...[cut]".length());
    assertThat(failure.detail()).endsWith("622202**...[cut]");
  }

  /** A pair beyond the Basic Multilingual Plane across the cut is kept whole or left out. */
  @Test
  void aCutDetailNeverEndsInHalfAPair() {
    for (int shift = 0; shift < 2; shift++) {
      String detail = "x".repeat(shift) + "\uD83C\uDFE8".repeat(Failure.MAX_DETAIL_LENGTH);

      String cut = Failure.protocol(detail).detail();

      assertThat(cut).endsWith("...[cut]");
      assertThat(cut.codePoints())
          .noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }
  }

  @Test
  void responseCodeInARecordMustBeWellFormed() {
    LocalizedText text = new LocalizedText("x", "错");

    assertThatThrownBy(
            () ->
                new Failure(
                    FailureCategory.INTERNAL,
                    false,
                    Optional.of("5"),
                    "INTERNAL/ERROR",
                    "",
                    text,
                    text))
        .isInstanceOf(InvalidResponseCodeException.class);
    assertThatThrownBy(
            () ->
                new Failure(
                    FailureCategory.INTERNAL,
                    false,
                    Optional.empty(),
                    "internal error",
                    "",
                    text,
                    text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FAMILY/REASON");
  }

  @Test
  void everyFactoryGivesChineseAndEnglishTexts() {
    Failure[] failures = {
      Failure.networkTimeout("d"), Failure.connectionLost("d"), Failure.protocol("d"),
      Failure.internal("d"), Failure.device("NOT_PRESENT", "d"), Failure.riskRefusal("r", "X", "d"),
      Failure.operator("WRONG_STATE", "d"), Failure.fromResponseCode("05")
    };
    for (Failure failure : failures) {
      assertThat(Texts.containsHan(failure.message(Locale.CHINA))).as(failure.code()).isTrue();
      assertThat(Texts.containsHan(failure.remedy(Locale.CHINA))).as(failure.code()).isTrue();
      assertThat(Texts.containsHan(failure.message(Locale.US))).as(failure.code()).isFalse();
      assertThat(Texts.containsHan(failure.remedy(Locale.US))).as(failure.code()).isFalse();
    }
  }

  @Test
  void equalFailuresAreEqualValues() {
    assertThat(Failure.fromResponseCode("51")).isEqualTo(Failure.fromResponseCode("51"));
    assertThat(Failure.fromResponseCode("51")).isNotEqualTo(Failure.fromResponseCode("61"));
  }
}
