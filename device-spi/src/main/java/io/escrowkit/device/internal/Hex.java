package io.escrowkit.device.internal;

/**
 * Upper-case hex text for bytes, and back. {@code java.util.HexFormat} is Java 17 only and absent
 * on Android API 26, hence this. Stateless and threadsafe.
 */
public final class Hex {

  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

  private Hex() {}

  public static String encode(byte[] bytes) {
    char[] text = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      text[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
      text[2 * i + 1] = DIGITS[bytes[i] & 0xF];
    }
    return new String(text);
  }

  /** Parses hex text of even length, either case. */
  public static byte[] decode(String text) {
    if (text.length() % 2 != 0) {
      throw new IllegalArgumentException("hex text has odd length " + text.length());
    }
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (nibble(text, 2 * i) << 4 | nibble(text, 2 * i + 1));
    }
    return bytes;
  }

  private static int nibble(String text, int index) {
    int value = Character.digit(text.charAt(index), 16);
    if (value < 0) {
      throw new IllegalArgumentException("not a hex digit at index " + index);
    }
    return value;
  }
}
