package io.escrowkit.device.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.PinBlockFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ISO 9564-1 clear PIN blocks. Vectors: PIN 1234 with PAN 43219876543210987 gives format 0 block
 * 0412AC89ABCDEF67 (the common worked example, e.g. in ID TECH's PIN block documentation); PIN
 * 92389 with PAN 4000001234562 gives 0592789FFFEDCBA9 (Thales payShield host command reference, PIN
 * block format 01).
 */
class PinBlocksTest {

  private final Random random = new Random(7);

  @Test
  void isoZeroMatchesPublishedExample() {
    byte[] block =
        PinBlocks.clearBlock(
            PinBlockFormat.ISO_0, "1234".toCharArray(), "43219876543210987", random);

    assertThat(Hex.encode(block)).isEqualTo("0412AC89ABCDEF67");
  }

  @Test
  void isoZeroMatchesSecondPublishedExample() {
    byte[] block =
        PinBlocks.clearBlock(PinBlockFormat.ISO_0, "92389".toCharArray(), "4000001234562", random);

    assertThat(Hex.encode(block)).isEqualTo("0592789FFFEDCBA9");
  }

  @Test
  void isoZeroPadsAShortPanWithZerosOnTheLeft() {
    // 12-digit PAN: 11 digits before the check digit, right-justified in the 12-digit field.
    byte[] block =
        PinBlocks.clearBlock(PinBlockFormat.ISO_0, "1234".toCharArray(), "123456789012", random);

    // PIN field 041234FFFFFFFFFF XOR PAN field 0000012345678901.
    assertThat(Hex.encode(block)).isEqualTo("041235DCBA9876FE");
  }

  @Test
  void isoThreeFillsWithAToF() {
    byte[] clear =
        PinBlocks.clearBlock(
            PinBlockFormat.ISO_3, "1234".toCharArray(), "43219876543210987", random);
    byte[] panField = Hex.decode("0000987654321098");
    for (int i = 0; i < 8; i++) {
      clear[i] ^= panField[i];
    }

    assertThat(Hex.encode(clear)).matches("341234[A-F]{10}");
  }

  @Test
  void isoOneStartsWithControlOneAndIgnoresThePan() {
    byte[] block =
        PinBlocks.clearBlock(PinBlockFormat.ISO_1, "987654".toCharArray(), "unused", random);

    assertThat(Hex.encode(block)).startsWith("16987654");
  }

  @Test
  void pinComesBackOutOfEachFormat() {
    String pan = "6200000000000005";
    for (PinBlockFormat format :
        new PinBlockFormat[] {PinBlockFormat.ISO_0, PinBlockFormat.ISO_1, PinBlockFormat.ISO_3}) {
      byte[] block = PinBlocks.clearBlock(format, "123456".toCharArray(), pan, random);

      assertThat(PinBlocks.pin(format, block, pan))
          .as(format.name())
          .containsExactly('1', '2', '3', '4', '5', '6');
    }
  }

  @Test
  void blockFormedWithAnotherPanDoesNotDecode() {
    byte[] block =
        PinBlocks.clearBlock(
            PinBlockFormat.ISO_0, "1234".toCharArray(), "6200000000000005", random);

    assertThatThrownBy(() -> PinBlocks.pin(PinBlockFormat.ISO_0, block, "6212345678901232"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pinsMustBeFourToTwelveDigits() {
    assertThat(PinBlocks.validPin("1234".toCharArray())).isTrue();
    assertThat(PinBlocks.validPin("123456789012".toCharArray())).isTrue();
    assertThat(PinBlocks.validPin("123".toCharArray())).isFalse();
    assertThat(PinBlocks.validPin("1234567890123".toCharArray())).isFalse();
    assertThat(PinBlocks.validPin("12a4".toCharArray())).isFalse();
  }
}
