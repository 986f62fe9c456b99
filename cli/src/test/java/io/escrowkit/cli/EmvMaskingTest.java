package io.escrowkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmvMaskingTest {

  @Test
  void objectsWithoutCardDataArePrintedAsTheyAre() {
    assertThat(EmvMasking.field55("9F2608A1B2C3D4E5F607189F270180"))
        .isEqualTo("9F2608A1B2C3D4E5F607189F270180");
  }

  @Test
  void panInsideAConstructedTemplateIsMasked() {
    assertThat(EmvMasking.field55("700A5A08" + CliMessages.TEST_PAN))
        .isEqualTo("700A5A08622588******5678");
  }

  @Test
  void oddLengthPanKeepsItsPadding() {
    assertThat(EmvMasking.field55("5A0A6200000000000000005F")).isEqualTo("5A0A620000*********0005F");
  }

  /** Eleven digits are shorter than any card number: first 6 and last 4 would show all but one. */
  @Test
  void numbersShorterThanAPanKeepOnlyTheirLastFour() {
    assertThat(Masking.pan("12345678901")).isEqualTo("*******8901");
    assertThat(Masking.pan("123456789012")).isEqualTo("123456**9012");
  }

  @Test
  void trackOneAndPinDataAreHiddenWhole() {
    assertThat(EmvMasking.field55("5603414243" + "9904AABBCCDD"))
        .isEqualTo("5603******" + "9904********");
  }

  @Test
  void bytesThatStopParsingAreHiddenToTheEnd() {
    // 5A claims 16 bytes but only 8 follow: nothing after the good object is shown.
    assertThat(EmvMasking.field55("9F270180" + "5A10" + CliMessages.TEST_PAN))
        .isEqualTo("9F270180" + "*".repeat(20));
  }

  @Test
  void textThatIsNotHexIsHiddenWhole() {
    assertThat(EmvMasking.field55("5A08XYZ")).isEqualTo("*******");
  }
}
