package io.escrowkit.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Card numbers made safe to keep and show: masked (first 6, last 4) and tokenized. Stateless. */
public final class Cards {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Cards() {}

  /** First 6 and last 4 digits, the rest as '*'; short values are masked whole. */
  public static String mask(String pan) {
    if (pan.length() < 13) {
      return "*".repeat(pan.length());
    }
    return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
  }

  /** A one-way token of the card number: 16 hex digits of its SHA-256. */
  public static String token(String pan) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("escrowkit-simulator:" + pan).getBytes(StandardCharsets.US_ASCII));
      char[] out = new char[16];
      for (int i = 0; i < 8; i++) {
        out[2 * i] = HEX[(digest[i] >>> 4) & 0xF];
        out[2 * i + 1] = HEX[digest[i] & 0xF];
      }
      return new String(out);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
