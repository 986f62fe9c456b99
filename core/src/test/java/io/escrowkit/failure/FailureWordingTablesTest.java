package io.escrowkit.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind, reason and code the rest of core relies on has its own wording. */
class FailureWordingTablesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NOT_PRESENT", "TIMEOUT", "CANCELLED_BY_USER", "CARD_READ_ERROR", "CHIP_ERROR",
        "PIN_ENTRY_FAILED", "OUT_OF_PAPER", "HARDWARE_FAULT", "TAMPERED", "KEY_MISSING"
      })
  void deviceKindHasItsOwnRemedy(String kind) {
    assertOwnWording(k -> Failure.device(k, "d"), kind, "UNKNOWN_KIND");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"MERCHANT_SUSPENDED", "TRANSACTION_LIMIT", "DAILY_LIMIT", "VELOCITY", "DUPLICATE"})
  void riskReasonHasItsOwnRemedy(String reason) {
    assertOwnWording(r -> Failure.riskRefusal("rule", r, "d"), reason, "UNKNOWN_REASON");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CAPTURE_OVER_TOLERANCE",
        "CAPTURE_NOT_ALLOWED",
        "HOLD_EXPIRED",
        "VOID_WINDOW_PASSED",
        "REFUND_OVER_CAPTURED",
        "WRONG_STATE",
        "CURRENCY_MISMATCH"
      })
  void operatorErrorHasItsOwnRemedy(String code) {
    assertOwnWording(c -> Failure.operator(c, "d"), code, "UNKNOWN_CODE");
  }

  private static void assertOwnWording(
      Function<String, Failure> factory, String key, String unknownKey) {
    Failure known = factory.apply(key);
    Failure generic = factory.apply(unknownKey);

    assertThat(known.code()).endsWith("/" + key);
    assertThat(known.remedy(Locale.ENGLISH)).isNotEqualTo(generic.remedy(Locale.ENGLISH));
    assertThat(known.remedy(Locale.CHINA)).isNotEqualTo(generic.remedy(Locale.CHINA));
    assertThat(Texts.containsHan(known.message(Locale.CHINA))).isTrue();
    assertThat(Texts.containsHan(known.remedy(Locale.CHINA))).isTrue();
  }
}
