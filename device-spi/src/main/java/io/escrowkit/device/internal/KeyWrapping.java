package io.escrowkit.device.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Working keys under a key-encryption key, as acquirers send them in sign-on answers: each 8-byte
 * half encrypted on its own (ECB) under the key-encryption key, and the key's check value, the
 * first bytes of its encryption of eight zero bytes. Stateless and threadsafe.
 */
public final class KeyWrapping {

  private static final byte[] ZEROS = new byte[DesCipher.BLOCK];

  private KeyWrapping() {}

  /** {@code key} (8 or 16 bytes) encrypted under {@code kek}. */
  public static byte[] wrap(byte[] kek, byte[] key) throws GeneralSecurityException {
    return transform(DesCipher.of(kek, true), key);
  }

  /** The clear key in {@code wrapped}; the caller should overwrite it once done. */
  public static byte[] unwrap(byte[] kek, byte[] wrapped) throws GeneralSecurityException {
    return transform(DesCipher.of(kek, false), wrapped);
  }

  /** The first {@code length} bytes of {@code key}'s encryption of eight zero bytes. */
  public static byte[] checkValue(byte[] key, int length) throws GeneralSecurityException {
    return Arrays.copyOf(DesCipher.of(key, true).block(ZEROS), length);
  }

  private static byte[] transform(DesCipher cipher, byte[] input) throws GeneralSecurityException {
    if (input.length == 0 || input.length % DesCipher.BLOCK != 0) {
      throw new IllegalArgumentException("a DES key has whole 8-byte blocks, got " + input.length);
    }
    byte[] out = new byte[input.length];
    for (int offset = 0; offset < input.length; offset += DesCipher.BLOCK) {
      byte[] block = cipher.block(input, offset);
      System.arraycopy(block, 0, out, offset, DesCipher.BLOCK);
      Arrays.fill(block, (byte) 0);
    }
    return out;
  }
}
