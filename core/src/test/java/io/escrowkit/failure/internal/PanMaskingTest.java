package io.escrowkit.failure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PanMaskingTest {

  @Test
  void panIsMaskedToFirstSixAndLastFour() {
    assertThat(PanMasking.mask("pan=6222021234567890123;")).isEqualTo("pan=622202*********0123;");
    assertThat(PanMasking.mask("4111111111111111")).isEqualTo("411111******1111");
  }

  @Test
  void shortNumbersStayReadable() {
    String text = "amount 12800 stan 000123 rrn 123456789012";

    assertThat(PanMasking.mask("amount 12800 stan 000123")).isEqualTo("amount 12800 stan 000123");
    assertThat(PanMasking.mask(text)).isEqualTo("amount 12800 stan 000123 rrn 123456**9012");
  }

  @Test
  void trackTwoDataAfterThePanIsMaskedToo() {
    assertThat(PanMasking.mask("t2 6222021234567890123=25121010000012345678 end"))
        .isEqualTo("t2 622202*********0123=******************** end");
    assertThat(PanMasking.mask("6222021234567890123D2512101"))
        .isEqualTo("622202*********0123D*******");
  }

  @Test
  void digitRunsLongerThanAnyPanAreMaskedEntirely() {
    assertThat(PanMasking.mask("x12345678901234567890y")).isEqualTo("x********************y");
  }

  @Test
  void maskingKeepsTheLength() {
    String text = "a 6222021234567890123=2512 b 4111111111111111 c";

    assertThat(PanMasking.mask(text)).hasSameSizeAs(text);
  }

  @Test
  void textWithoutDigitsIsReturnedAsIs() {
    String text = "no card here";

    assertThat(PanMasking.mask(text)).isSameAs(text);
  }
}
