package io.escrowkit.iso8583.mapping;

/** Hex text to bytes and back, for configuration values (TPDU, header). Stateless. */
final class Hex {
  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

  private Hex() {}

  static byte[] parse(String hex) {
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("hex text must have an even length: '" + hex + "'");
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int high = Character.digit(hex.charAt(2 * i), 16);
      int low = Character.digit(hex.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException("not hex: '" + hex + "'");
      }
      out[i] = (byte) (high << 4 | low);
    }
    return out;
  }

  static String of(byte[] bytes) {
    char[] out = new char[2 * bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
    }
    return new String(out);
  }
}
