package io.escrowkit.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CardDataPropertiesTest {

  @Property
  void toStringNeverContainsThePan(
      @ForAll("luhnValidPans") String pan, @ForAll EntryMode entryMode) {
    CardData card = CardData.builder().pan(pan).entryMode(entryMode).build();

    assertThat(card.toString()).doesNotContain(pan).contains(card.maskedPan());
  }

  @Property
  void maskedPanKeepsFirstSixAndLastFourAndHidesTheRest(@ForAll("luhnValidPans") String pan) {
    String masked = CardData.builder().pan(pan).entryMode(EntryMode.CHIP).build().maskedPan();

    assertThat(masked).hasSameSizeAs(pan);
    assertThat(masked).startsWith(pan.substring(0, 6)).endsWith(pan.substring(pan.length() - 4));
    assertThat(masked.substring(6, pan.length() - 4)).matches("\\*+");
  }

  @Property
  void aPanWithAWrongCheckDigitIsRefusedWithoutShowingIt(
      @ForAll("luhnValidPans") String pan, @ForAll("nonZeroDigitShift") int shift) {
    int last = pan.charAt(pan.length() - 1) - '0';
    String wrong = pan.substring(0, pan.length() - 1) + (char) ('0' + (last + shift) % 10);

    assertThatThrownBy(() -> CardData.builder().pan(wrong).entryMode(EntryMode.CHIP).build())
        .isInstanceOf(InvalidCardDataException.class)
        .hasMessageNotContaining(wrong);
  }

  @Provide
  Arbitrary<Integer> nonZeroDigitShift() {
    return Arbitraries.integers().between(1, 9);
  }

  /** Random PANs of 12 to 19 digits whose last digit is the Luhn check digit. */
  @Provide
  Arbitrary<String> luhnValidPans() {
    return Arbitraries.integers()
        .between(12, 19)
        .flatMap(length -> Arbitraries.strings().numeric().ofLength(length - 1))
        .map(body -> body + checkDigit(body));
  }

  private static char checkDigit(String body) {
    int sum = 0;
    boolean doubled = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int digit = body.charAt(i) - '0';
      if (doubled) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
      doubled = !doubled;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }
}
