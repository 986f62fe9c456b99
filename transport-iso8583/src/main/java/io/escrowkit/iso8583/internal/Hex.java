package io.escrowkit.iso8583.internal;

/**
 * Hexadecimal conversions without allocation on the encode path.
 *
 * <p>Stateless and threadsafe.
 */
public final class Hex {

  private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

  /** For each byte value, its two upper-case hex digits. */
  private static final byte[] PAIRS = new byte[512];

  /** For each character code below 256, its value as a hex digit (either case), or -1. */
  private static final byte[] VALUES = new byte[256];

  static {
    for (int b = 0; b < 256; b++) {
      PAIRS[2 * b] = (byte) UPPER[b >>> 4];
      PAIRS[2 * b + 1] = (byte) UPPER[b & 0xF];
      VALUES[b] =
          (byte)
              (b >= '0' && b <= '9'
                  ? b - '0'
                  : b >= 'A' && b <= 'F' ? b - 'A' + 10 : b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1);
    }
  }

  private Hex() {}

  /** The upper-case hex digit for a nibble 0..15. */
  public static char digit(int nibble) {
    return UPPER[nibble];
  }

  /** The value of a hex digit character (either case), or -1. */
  public static int value(int c) {
    return c >= 0 && c < 256 ? VALUES[c] : -1;
  }

  /** Writes the first {@code n} bytes as upper-case ASCII hex at {@code off}; returns the end. */
  public static int write(byte[] bytes, int n, byte[] out, int off) {
    int at = off;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      out[at] = PAIRS[2 * b];
      out[at + 1] = PAIRS[2 * b + 1];
      at += 2;
    }
    return at;
  }

  /** Upper-case hex of a byte range. */
  public static String toHex(byte[] bytes, int off, int len) {
    return toHex(bytes, off, len, new byte[2 * len]);
  }

  /** Upper-case hex of a byte range, built in {@code scratch} (at least twice as long). */
  public static String toHex(byte[] bytes, int off, int len, byte[] scratch) {
    byte[] out = scratch;
    for (int i = 0; i < len; i++) {
      int b = bytes[off + i] & 0xFF;
      out[2 * i] = PAIRS[2 * b];
      out[2 * i + 1] = PAIRS[2 * b + 1];
    }
    return Latin1.string(out, 0, 2 * len);
  }

  /** Upper-case hex of a whole array. */
  public static String toHex(byte[] bytes) {
    return toHex(bytes, 0, bytes.length);
  }

  /**
   * Parses hex (either case, no separators).
   *
   * @return the bytes, or {@code null} if the text is not an even number of hex digits
   */
  public static byte[] parseOrNull(CharSequence hex) {
    int n = hex.length();
    if ((n & 1) != 0) {
      return null;
    }
    byte[] out = new byte[n / 2];
    for (int i = 0; i < n; i += 2) {
      int hi = value(hex.charAt(i));
      int lo = value(hex.charAt(i + 1));
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i / 2] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  /**
   * Parses hex, throwing {@link IllegalArgumentException} with the given label if it is not hex.
   */
  public static byte[] parse(CharSequence hex, String label) {
    byte[] out = parseOrNull(hex);
    if (out == null) {
      throw new IllegalArgumentException(label + " is not an even number of hex digits");
    }
    return out;
  }
}
