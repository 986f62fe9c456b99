package io.escrowkit.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ResponseCodesPropertiesTest {

  private static final int ALL_CODES = 36 * 36;

  /** All 1,296 codes, not a sample: the space is small enough to walk. */
  @Property(generation = GenerationMode.EXHAUSTIVE, tries = ALL_CODES)
  void resolveNeverThrowsAndNeverReturnsNullForAWellFormedCode(@ForAll("wellFormed") String code) {
    ResponseCode rc = ResponseCodes.resolve(code);

    assertThat(rc).isNotNull();
    assertThat(rc.code()).isEqualTo(code);
    assertThat(rc.remedy(Locale.CHINA)).isNotBlank();
    assertThat(rc.remedy(Locale.ENGLISH)).isNotBlank();
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = ALL_CODES)
  void resolvedDeclineAlwaysBecomesAFailureWithAStableCode(@ForAll("wellFormed") String code) {
    ResponseCode rc = ResponseCodes.resolve(code);
    if (rc.isApproval()) {
      return;
    }

    Failure failure = Failure.fromResponseCode(code);

    assertThat(failure.responseCode()).contains(code);
    assertThat(failure.code()).isEqualTo(rc.category().get().name() + "/" + code);
    assertThat(failure.retryable()).isEqualTo(rc.retryable());
  }

  @Property
  void anythingButTwoCodeCharactersIsRefused(@ForAll("malformed") String code) {
    assertThatThrownBy(() -> ResponseCodes.resolve(code))
        .isInstanceOf(InvalidResponseCodeException.class);
  }

  @Provide
  Arbitrary<String> wellFormed() {
    return Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofLength(2);
  }

  @Provide
  Arbitrary<String> malformed() {
    Arbitrary<String> wrongLength =
        Arbitraries.strings()
            .withCharRange('0', '9')
            .withCharRange('A', 'Z')
            .ofMaxLength(6)
            .filter(s -> s.length() != 2);
    Arbitrary<String> wrongCharacters =
        Arbitraries.strings().all().ofLength(2).filter(s -> !s.matches("[0-9A-Z]{2}"));
    return Arbitraries.oneOf(wrongLength, wrongCharacters);
  }
}
