package io.escrowkit.device.internal;

import io.escrowkit.device.MacAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The MAC algorithms of {@link MacAlgorithm} in software. Data is padded with zero bytes to whole
 * 8-byte blocks (ISO/IEC 9797-1 padding method 1; empty data is one zero block). Stateless and
 * threadsafe.
 */
public final class MacCalculator {

  private static final int BLOCK = DesCipher.BLOCK;
  private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private MacCalculator() {}

  /** The 8-byte MAC; the key length must be one {@link MacAlgorithm#acceptsKeyLength} accepts. */
  public static byte[] mac(MacAlgorithm algorithm, byte[] key, byte[] data)
      throws GeneralSecurityException {
    if (!algorithm.acceptsKeyLength(key.length)) {
      throw new IllegalArgumentException(
          algorithm + " does not take a " + key.length + "-byte key");
    }
    return switch (algorithm) {
      case ANSI_X9_19 -> retailMac(key, data);
      case ANSI_X9_9 -> cbcMac(DesCipher.of(key, true), data);
      case UNIONPAY_POS_ECB -> unionPayEcbMac(key, data);
    };
  }

  /** ISO/IEC 9797-1 algorithm 3: CBC-MAC under K, then decrypt under K', encrypt under K. */
  private static byte[] retailMac(byte[] key, byte[] data) throws GeneralSecurityException {
    byte[] left = Arrays.copyOfRange(key, 0, BLOCK);
    byte[] right = Arrays.copyOfRange(key, BLOCK, 2 * BLOCK);
    try {
      DesCipher encryptLeft = DesCipher.of(left, true);
      byte[] mac = cbcMac(encryptLeft, data);
      return encryptLeft.block(DesCipher.of(right, false).block(mac));
    } finally {
      Arrays.fill(left, (byte) 0);
      Arrays.fill(right, (byte) 0);
    }
  }

  /** CBC encryption with a zero IV over the zero-padded data, keeping only the last block. */
  private static byte[] cbcMac(DesCipher cipher, byte[] data) throws GeneralSecurityException {
    byte[] chain = new byte[BLOCK];
    int blocks = Math.max(1, (data.length + BLOCK - 1) / BLOCK);
    for (int b = 0; b < blocks; b++) {
      xorPaddedBlock(chain, data, b * BLOCK);
      chain = cipher.block(chain);
    }
    return chain;
  }

  /**
   * UnionPay POS ECB MAC: XOR every 8-byte block, expand the result to 16 hex characters, encrypt
   * the first 8, XOR with the last 8, encrypt again; the MAC is the first 8 hex characters of that,
   * as ASCII bytes.
   */
  private static byte[] unionPayEcbMac(byte[] key, byte[] data) throws GeneralSecurityException {
    byte[] folded = new byte[BLOCK];
    for (int offset = 0; offset < data.length; offset += BLOCK) {
      xorPaddedBlock(folded, data, offset);
    }
    byte[] expanded = asciiHex(folded, BLOCK);
    DesCipher cipher = DesCipher.of(key, true);
    byte[] step = cipher.block(expanded, 0);
    for (int i = 0; i < BLOCK; i++) {
      step[i] ^= expanded[BLOCK + i];
    }
    return asciiHex(cipher.block(step), BLOCK / 2);
  }

  /** The first {@code count} bytes of {@code bytes} as upper-case hex characters, in ASCII. */
  private static byte[] asciiHex(byte[] bytes, int count) {
    byte[] text = new byte[2 * count];
    for (int i = 0; i < count; i++) {
      text[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xF];
      text[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xF];
    }
    return text;
  }

  /** XORs the block of {@code data} at {@code offset}, zero-padded past the end, into target. */
  private static void xorPaddedBlock(byte[] target, byte[] data, int offset) {
    int available = Math.min(BLOCK, data.length - offset);
    for (int i = 0; i < available; i++) {
      target[i] ^= data[offset + i];
    }
  }
}
