package io.escrowkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void parsesAmountsInTheCurrencysOwnExponent() {
    assertThat(Money.of("128.00", "CNY").minorUnits()).isEqualTo(12800);
    assertThat(Money.of("128.5", "CNY").minorUnits()).isEqualTo(12850);
    assertThat(Money.of("128", "CNY").minorUnits()).isEqualTo(12800);
    assertThat(Money.of("1280", "JPY").minorUnits()).isEqualTo(1280);
    assertThat(Money.of("1.234", "KWD").minorUnits()).isEqualTo(1234);
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHas() {
    assertThatThrownBy(() -> Money.of("1.234", "CNY"))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("CNY has 2 decimals, got 3");
    assertThatThrownBy(() -> Money.of("100.5", "JPY"))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("JPY has 0 decimals");
  }

  @Test
  void refusesNegativesMalformedTextAndOverflow() {
    assertThatThrownBy(() -> Money.of("-1.00", "CNY")).hasMessageContaining("negative");
    assertThatThrownBy(() -> Money.of("1,00", "CNY")).hasMessageContaining("expected digits");
    assertThatThrownBy(() -> Money.of("", "CNY")).isInstanceOf(InvalidAmountException.class);
    assertThatThrownBy(() -> Money.of("1.", "CNY")).isInstanceOf(InvalidAmountException.class);
    assertThatThrownBy(() -> Money.of(".5", "CNY")).isInstanceOf(InvalidAmountException.class);
    assertThatThrownBy(() -> Money.of("1e3", "CNY")).isInstanceOf(InvalidAmountException.class);
    assertThatThrownBy(() -> Money.of("99999999999999999999", "CNY"))
        .hasMessageContaining("too large");
    assertThatThrownBy(() -> Money.ofMinor(-5, "CNY")).hasMessageContaining("negative");
  }

  @Test
  void refusesUnknownCurrenciesAndOnesWithoutMinorUnits() {
    assertThatThrownBy(() -> Money.of("1", "ABC")).hasMessageContaining("unknown ISO 4217");
    assertThatThrownBy(() -> Money.of("1", "XAU")).hasMessageContaining("no minor unit");
  }

  @Test
  void arithmeticIsExactAndRefusesMixedCurrencies() {
    Money a = Money.of("128.00", "CNY");
    assertThat(a.plus(Money.of("0.01", "CNY"))).isEqualTo(Money.ofMinor(12801, "CNY"));
    assertThat(a.minus(Money.of("28.00", "CNY"))).isEqualTo(Money.of("100", "CNY"));
    assertThat(a.percent(115)).isEqualTo(Money.of("147.20", "CNY"));
    assertThatThrownBy(() -> a.plus(Money.of("1", "JPY"))).hasMessageContaining("currencies differ");
    assertThatThrownBy(() -> a.minus(Money.of("200", "CNY"))).hasMessageContaining("negative");
    assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, "CNY").plus(Money.ofMinor(1, "CNY")))
        .hasMessageContaining("overflows");
  }

  @Test
  void formatsWithExactlyTheCurrencysDecimals() {
    assertThat(Money.ofMinor(12800, "CNY")).hasToString("128.00 CNY");
    assertThat(Money.ofMinor(5, "CNY").toPlainString()).isEqualTo("0.05");
    assertThat(Money.ofMinor(1280, "JPY").toPlainString()).isEqualTo("1280");
    assertThat(Money.ofMinor(1234, "KWD").toPlainString()).isEqualTo("1.234");
    assertThat(Money.ofMinor(0, "CNY").toPlainString()).isEqualTo("0.00");
    assertThat(Money.ofMinor(7, "KWD").toPlainString()).isEqualTo("0.007");
    assertThat(Money.ofMinor(Long.MAX_VALUE, "CNY").toPlainString())
        .isEqualTo("92233720368547758.07");
  }

  @Property
  void formattingThenParsingGivesTheSameMoney(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long minor,
      @ForAll("currencies") String currency) {
    Money money = Money.ofMinor(minor, currency);
    assertThat(Money.of(money.toPlainString(), currency)).isEqualTo(money);
  }

  @Property
  void plainTextIsTheDecimalValueWithTheCurrencysScale(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long minor,
      @ForAll("currencies") String currency) {
    Money money = Money.ofMinor(minor, currency);
    assertThat(money.toPlainString())
        .isEqualTo(java.math.BigDecimal.valueOf(minor, money.exponent()).toPlainString());
  }

  @Property
  void parsingNeverThrowsAnythingButInvalidAmount(@ForAll @StringLength(max = 45) String text) {
    try {
      Money parsed = Money.of(text, "CNY");
      assertThat(Money.of(parsed.toPlainString(), "CNY")).isEqualTo(parsed);
    } catch (InvalidAmountException expected) {
      assertThat(expected.getMessage()).contains("CNY");
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> currencies() {
    return net.jqwik.api.Arbitraries.of("CNY", "JPY", "KWD", "USD", "EUR", "HKD", "BHD");
  }
}
