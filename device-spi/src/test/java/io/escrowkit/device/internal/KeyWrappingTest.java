package io.escrowkit.device.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyWrappingTest {

  /** The classic key check value of the DES test key 0123456789ABCDEF is D5D44F... */
  @Test
  void checkValueIsTheKeysEncryptionOfZeros() throws Exception {
    byte[] check = KeyWrapping.checkValue(Hex.decode("0123456789ABCDEF"), 4);

    assertThat(Hex.encode(check)).isEqualTo("D5D44FF7");
  }

  /** ... and of the double-length 0123456789ABCDEF FEDCBA9876543210, 08D7B4... */
  @Test
  void checkValueOfADoubleLengthKey() throws Exception {
    byte[] check = KeyWrapping.checkValue(Hex.decode("0123456789ABCDEFFEDCBA9876543210"), 3);

    assertThat(Hex.encode(check)).isEqualTo("08D7B4");
  }

  @Test
  void unwrapUndoesWrapHalfByHalf() throws Exception {
    byte[] kek = Hex.decode("00112233445566778899AABBCCDDEEFF");
    byte[] doubleKey = Hex.decode("11111111111111112222222222222222");

    byte[] wrapped = KeyWrapping.wrap(kek, doubleKey);

    assertThat(wrapped).isNotEqualTo(doubleKey);
    assertThat(Arrays.copyOfRange(wrapped, 0, 8))
        .isEqualTo(KeyWrapping.wrap(kek, Arrays.copyOf(doubleKey, 8)));
    assertThat(KeyWrapping.unwrap(kek, wrapped)).isEqualTo(doubleKey);
  }
}
