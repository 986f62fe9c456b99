package io.escrowkit.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PinBlockTest {

  private static final byte[] BLOCK = {0x04, 0x12, (byte) 0xAC, (byte) 0x89, 1, 2, 3, 4};

  @Test
  void blockLengthMustMatchTheFormat() {
    assertThatThrownBy(() -> new PinBlock(new byte[16], PinBlockFormat.ISO_0, "K"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ISO_0 PIN block has 8 bytes, got 16");
    assertThatThrownBy(() -> new PinBlock(new byte[8], PinBlockFormat.ISO_4, "K"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new PinBlock(new byte[16], PinBlockFormat.ISO_4, "K").bytes()).hasSize(16);
  }

  @Test
  void blankKeyIdIsRefused() {
    assertThatThrownBy(() -> new PinBlock(BLOCK, PinBlockFormat.ISO_0, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bytesAreCopiedOnTheWayInAndOut() {
    byte[] given = BLOCK.clone();
    PinBlock block = new PinBlock(given, PinBlockFormat.ISO_0, "TEST_PIN_KEY");
    given[0] = 9;

    block.bytes()[1] = 9;

    assertThat(block.bytes()).containsExactly(BLOCK);
  }

  @Test
  void toStringShowsFormatAndKeyButNeverTheBytes() {
    PinBlock block = new PinBlock(BLOCK, PinBlockFormat.ISO_0, "TEST_PIN_KEY");

    assertThat(block.toString())
        .isEqualTo("PinBlock[ISO_0, key TEST_PIN_KEY]")
        .doesNotContain("0412")
        .doesNotContain("[4, 18");
  }

  @Test
  void equalityComparesBytesFormatAndKey() {
    PinBlock block = new PinBlock(BLOCK, PinBlockFormat.ISO_0, "K");

    assertThat(block)
        .isEqualTo(new PinBlock(BLOCK.clone(), PinBlockFormat.ISO_0, "K"))
        .hasSameHashCodeAs(new PinBlock(BLOCK.clone(), PinBlockFormat.ISO_0, "K"))
        .isNotEqualTo(new PinBlock(BLOCK, PinBlockFormat.ISO_3, "K"))
        .isNotEqualTo(new PinBlock(BLOCK, PinBlockFormat.ISO_0, "L"))
        .isNotEqualTo(new PinBlock(new byte[8], PinBlockFormat.ISO_0, "K"));
  }
}
