package io.escrowkit.device.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * DES known answer: FIPS 81 appendix B, key 0123456789ABCDEF, "Now is t" (4E6F772069732074)
 * encrypts to 3FA40E8A984D4815. The other tests check that ciphers kept per thread never mix up
 * keys or directions.
 */
class DesCipherTest {

  private static final byte[] TEST_KEY_1 = Hex.decode("0123456789ABCDEF");
  private static final byte[] TEST_KEY_2 = Hex.decode("FEDCBA9876543210");
  private static final byte[] TEST_DOUBLE_KEY = Hex.decode("0123456789ABCDEFFEDCBA9876543210");
  private static final byte[] PLAIN = "Now is t".getBytes(StandardCharsets.US_ASCII);
  private static final String FIPS_CIPHERTEXT = "3FA40E8A984D4815";

  @Test
  void encryptsTheFipsKnownAnswer() throws Exception {
    assertThat(Hex.encode(DesCipher.of(TEST_KEY_1, true).block(PLAIN))).isEqualTo(FIPS_CIPHERTEXT);
  }

  @Test
  void instancesWithOtherKeysUsedInTurnOnOneThreadKeepTheirOwnKey() throws Exception {
    DesCipher first = DesCipher.of(TEST_KEY_1, true);
    DesCipher second = DesCipher.of(TEST_KEY_2, true);
    byte[] underSecond = second.block(PLAIN);

    assertThat(Hex.encode(first.block(PLAIN))).isEqualTo(FIPS_CIPHERTEXT);
    assertThat(second.block(PLAIN)).isEqualTo(underSecond).isNotEqualTo(first.block(PLAIN));
  }

  @Test
  void decryptionUndoesEncryptionWhileBothDirectionsAreInUse() throws Exception {
    DesCipher encrypt = DesCipher.of(TEST_DOUBLE_KEY, true);
    DesCipher decrypt = DesCipher.of(TEST_DOUBLE_KEY, false);

    byte[] sealed = encrypt.block(PLAIN);

    assertThat(decrypt.block(sealed)).isEqualTo(PLAIN);
    assertThat(encrypt.block(PLAIN)).isEqualTo(sealed);
  }

  @Test
  void doubleLengthKeyWithEqualHalvesActsAsSingleDes() throws Exception {
    byte[] doubled = new byte[16];
    System.arraycopy(TEST_KEY_1, 0, doubled, 0, 8);
    System.arraycopy(TEST_KEY_1, 0, doubled, 8, 8);

    assertThat(Hex.encode(DesCipher.of(doubled, true).block(PLAIN))).isEqualTo(FIPS_CIPHERTEXT);
  }

  @Test
  void anInstanceMadeOnOneThreadWorksOnAnother() throws Exception {
    DesCipher made = DesCipher.of(TEST_KEY_1, true);

    String elsewhere =
        CompletableFuture.supplyAsync(
                () -> {
                  try {
                    DesCipher.of(TEST_KEY_2, true).block(PLAIN); // that thread's cipher, other key
                    return Hex.encode(made.block(PLAIN));
                  } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .join();

    assertThat(elsewhere).isEqualTo(FIPS_CIPHERTEXT);
  }

  @Test
  void changingTheCallersKeyArrayAfterwardsChangesNothing() throws Exception {
    byte[] key = TEST_KEY_1.clone();
    DesCipher cipher = DesCipher.of(key, true);
    key[0] ^= 0x10;

    assertThat(Hex.encode(cipher.block(PLAIN))).isEqualTo(FIPS_CIPHERTEXT);
  }

  @Test
  void refusesKeysOfOtherLengths() {
    assertThatThrownBy(() -> DesCipher.of(new byte[12], true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12");
  }
}
