package io.escrowkit.cli;

import java.util.Locale;

/** Hex text for the command line: upper case out, either case and whitespace in. Stateless. */
final class HexText {

  private HexText() {}

  static String of(byte[] bytes) {
    StringBuilder sb = new StringBuilder(2 * bytes.length);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >>> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  /**
   * Parses hex digits, ignoring whitespace.
   *
   * @throws UsageException naming what is wrong (never the input itself: it may hold card data)
   */
  static byte[] parse(String text, String what) {
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        if (Character.digit(c, 16) < 0) {
          throw new UsageException(
              what + " is not hex: character " + (digits.length() + 1) + " is not a hex digit");
        }
        digits.append(c);
      }
    }
    if (digits.length() % 2 != 0) {
      throw new UsageException(what + " has an odd number of hex digits");
    }
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          (byte)
              (Character.digit(digits.charAt(2 * i), 16) << 4
                  | Character.digit(digits.charAt(2 * i + 1), 16));
    }
    return out;
  }
}
