package io.escrowkit.device.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PansTest {

  @Test
  void luhnAcceptsPublishedTestCardsAndRejectsAChangedDigit() {
    assertThat(Pans.passesLuhn("6200000000000005")).isTrue();
    assertThat(Pans.passesLuhn("6205500000000000004")).isTrue();
    assertThat(Pans.passesLuhn("4111111111111111")).isTrue();
    assertThat(Pans.passesLuhn("6225880012345678")).isFalse();
    assertThat(Pans.passesLuhn("4111111111111112")).isFalse();
  }

  @Test
  void textTooShortToMaskIsHiddenEntirely() {
    assertThat(Pans.mask("1234567890")).isEqualTo("**********");
    assertThat(Pans.mask("12345678901")).isEqualTo("***********");
    assertThat(Pans.mask("123456789012")).isEqualTo("123456**9012");
  }

  @Test
  void digitsMeansOnlyAsciiDigits() {
    assertThat(Pans.isDigits("0123456789")).isTrue();
    assertThat(Pans.isDigits("")).isFalse();
    assertThat(Pans.isDigits("12 3")).isFalse();
    assertThat(Pans.isDigits("١٢٣")).isFalse();
  }

  @Test
  void hexRoundTripsAndRejectsBadText() {
    byte[] bytes = {0, 1, (byte) 0xAB, (byte) 0xFF};

    assertThat(Hex.encode(bytes)).isEqualTo("0001ABFF");
    assertThat(Hex.decode("0001abff")).containsExactly(bytes);
    assertThatThrownBy(() -> Hex.decode("ABC")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hex.decode("zz")).isInstanceOf(IllegalArgumentException.class);
  }
}
