package io.escrowkit.device.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Single-block DES and two-key triple DES in ECB mode over {@code javax.crypto}, which Android
 * provides too. Not threadsafe: make one per operation.
 *
 * <p>Looking a {@link Cipher} up and keying it costs far more than the one or two blocks a MAC or a
 * PIN block needs, so the {@link Cipher}s are kept per thread (one per algorithm and direction,
 * never shared between threads) and re-keyed only when an instance with another key uses them. An
 * instance may therefore be used from any thread, and several may be used in turn on one thread
 * (e.g. a retail MAC's encryption under K and decryption under K'). The last key of each kept
 * {@link Cipher} stays in memory for the thread's life: as the {@link Cipher}'s key schedule and
 * as a copy to compare the next key with, so a caller's wiping of its own copy no longer clears
 * it from memory. That is acceptable for the software module this serves (test keys, simulated
 * hosts); a terminal's real keys belong in a hardware secure module behind the device SPI.
 */
public final class DesCipher {

  public static final int BLOCK = 8;

  /** Per thread: DES encrypt, DES decrypt, DESede encrypt, DESede decrypt. */
  private static final ThreadLocal<Keyed[]> KEPT = ThreadLocal.withInitial(() -> new Keyed[4]);

  private final String algorithm;
  private final int mode;
  private final int slot;
  private final byte[] key;

  private DesCipher(String algorithm, boolean encrypt, byte[] key) {
    boolean single = algorithm.equals("DES");
    this.algorithm = algorithm;
    this.mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
    this.slot = (single ? 0 : 2) + (encrypt ? 0 : 1);
    this.key = key;
  }

  /**
   * DES for an 8-byte key, two-key triple DES (K1 K2 K1) for a 16-byte key.
   *
   * @param encrypt true to encrypt, false to decrypt
   */
  public static DesCipher of(byte[] key, boolean encrypt) throws GeneralSecurityException {
    DesCipher cipher;
    if (key.length == BLOCK) {
      cipher = new DesCipher("DES", encrypt, key.clone());
    } else if (key.length == 2 * BLOCK) {
      byte[] tripleKey = Arrays.copyOf(key, 3 * BLOCK);
      System.arraycopy(key, 0, tripleKey, 2 * BLOCK, BLOCK);
      cipher = new DesCipher("DESede", encrypt, tripleKey);
    } else {
      throw new IllegalArgumentException("DES key must have 8 or 16 bytes, got " + key.length);
    }
    cipher.keyed(); // a key javax.crypto refuses fails here, as it did before keeping
    return cipher;
  }

  /** Transforms the 8 bytes of {@code input} at {@code offset} into a new block. */
  public byte[] block(byte[] input, int offset) throws GeneralSecurityException {
    return keyed().doFinal(input, offset, BLOCK);
  }

  /** Transforms a whole 8-byte block into a new block. */
  public byte[] block(byte[] input) throws GeneralSecurityException {
    return block(input, 0);
  }

  /** This thread's {@link Cipher} for the algorithm and direction, keyed with this key. */
  private Cipher keyed() throws GeneralSecurityException {
    Keyed[] kept = KEPT.get();
    Keyed current = kept[slot];
    if (current == null) {
      current = new Keyed(Cipher.getInstance(algorithm + "/ECB/NoPadding"));
      kept[slot] = current;
    }
    if (!Arrays.equals(current.key, key)) {
      current.key = null; // until init succeeds
      current.cipher.init(mode, new SecretKeySpec(key, algorithm));
      current.key = key;
    }
    return current.cipher;
  }

  /** A kept {@link Cipher} and the key it was last given (null: none that can be trusted). */
  private static final class Keyed {
    final Cipher cipher;
    byte[] key;

    Keyed(Cipher cipher) {
      this.cipher = cipher;
    }
  }
}
