package io.escrowkit.device.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Single-block DES and two-key triple DES in ECB mode over {@code javax.crypto}, which Android
 * provides too. Each instance wraps one {@link Cipher}: not threadsafe, make one per operation.
 */
public final class DesCipher {

  public static final int BLOCK = 8;

  private final Cipher cipher;

  private DesCipher(Cipher cipher) {
    this.cipher = cipher;
  }

  /**
   * DES for an 8-byte key, two-key triple DES (K1 K2 K1) for a 16-byte key.
   *
   * @param encrypt true to encrypt, false to decrypt
   */
  public static DesCipher of(byte[] key, boolean encrypt) throws GeneralSecurityException {
    int mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
    Cipher cipher;
    if (key.length == BLOCK) {
      cipher = Cipher.getInstance("DES/ECB/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "DES"));
    } else if (key.length == 2 * BLOCK) {
      byte[] tripleKey = Arrays.copyOf(key, 3 * BLOCK);
      System.arraycopy(key, 0, tripleKey, 2 * BLOCK, BLOCK);
      cipher = Cipher.getInstance("DESede/ECB/NoPadding");
      cipher.init(mode, new SecretKeySpec(tripleKey, "DESede"));
      Arrays.fill(tripleKey, (byte) 0);
    } else {
      throw new IllegalArgumentException("DES key must have 8 or 16 bytes, got " + key.length);
    }
    return new DesCipher(cipher);
  }

  /** Transforms the 8 bytes of {@code input} at {@code offset} into a new block. */
  public byte[] block(byte[] input, int offset) throws GeneralSecurityException {
    return cipher.doFinal(input, offset, BLOCK);
  }

  /** Transforms a whole 8-byte block into a new block. */
  public byte[] block(byte[] input) throws GeneralSecurityException {
    return block(input, 0);
  }
}
