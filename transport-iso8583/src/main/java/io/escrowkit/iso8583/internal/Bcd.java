package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.IsoFormatException;

/**
 * Packed BCD: two digits per byte, high nibble first. An odd digit count gets one pad nibble, in
 * front ({@code leftPad}) or behind. Characters map to nibbles as {@code c - '0'}, so the track
 * characters {@code : ; < = > ?} are nibbles A to F ({@code '='} is D).
 */
final class Bcd {

  private Bcd() {}

  /** The number of bytes for a digit count. */
  static int bytes(int digits) {
    return (digits + 1) >>> 1;
  }

  /** The nibble index of the first digit: 1 if an odd count is padded in front, else 0. */
  static int lead(int digits, boolean leftPad) {
    return (digits & 1) != 0 && leftPad ? 1 : 0;
  }

  /** The nibble at {@code index} counted from the high nibble of {@code b[off]}. */
  static int nibble(byte[] b, int off, int index) {
    int v = b[off + (index >>> 1)];
    return (index & 1) == 0 ? (v >>> 4) & 0xF : v & 0xF;
  }

  /**
   * Packs the {@code count} characters (one byte each: {@code '0'..'9'} or a track character) of
   * {@code s} starting at {@code from} as {@code digits} digits, zero-filled in front when {@code
   * count < digits}.
   */
  static void pack(
      byte[] s,
      int from,
      int count,
      int digits,
      boolean leftPad,
      int padNibble,
      byte[] out,
      int off) {
    if (count != digits) {
      packSlow(s, from, count, digits, leftPad, padNibble, out, off);
      return;
    }
    int o = off;
    int i = from;
    int end = from + count;
    if (lead(digits, leftPad) == 1) {
      out[o++] = (byte) ((s[i++] - '0') & 0xF);
    }
    while (end - i >= 2) {
      out[o++] = (byte) ((s[i] - '0') << 4 | ((s[i + 1] - '0') & 0xF));
      i += 2;
    }
    if (i < end) {
      out[o] = (byte) (((s[i] - '0') & 0xF) << 4 | padNibble);
    }
  }

  private static void packSlow(
      byte[] s,
      int from,
      int count,
      int digits,
      boolean leftPad,
      int padNibble,
      byte[] out,
      int off) {
    int lead = lead(digits, leftPad);
    int zeros = digits - count;
    int nibbles = bytes(digits) << 1;
    for (int i = 0; i < nibbles; i += 2) {
      int hi = nibbleOf(s, from, zeros, digits, padNibble, i - lead);
      int lo = nibbleOf(s, from, zeros, digits, padNibble, i + 1 - lead);
      out[off + (i >>> 1)] = (byte) (hi << 4 | lo);
    }
  }

  private static int nibbleOf(byte[] s, int from, int zeros, int digits, int pad, int k) {
    if (k < 0) {
      return 0;
    }
    if (k >= digits) {
      return pad;
    }
    if (k < zeros) {
      return 0;
    }
    return (s[from + k - zeros] - '0') & 0xF;
  }

  /** For each number 0..99, its two digits as one packed BCD byte. */
  private static final byte[] PACKED = new byte[100];

  /** For each byte, the number 0..99 its two nibbles spell, or -1 if a nibble is not a digit. */
  private static final byte[] VALUE = new byte[256];

  static {
    for (int i = 0; i < 100; i++) {
      PACKED[i] = (byte) ((i / 10) << 4 | i % 10);
    }
    for (int v = 0; v < 256; v++) {
      VALUE[v] = (byte) ((v >>> 4) > 9 || (v & 0xF) > 9 ? -1 : (v >>> 4) * 10 + (v & 0xF));
    }
  }

  /** The packed BCD byte of a number 0..99. */
  static byte packed(int twoDigits) {
    return PACKED[twoDigits];
  }

  /** The number 0..99 a packed byte holds, or -1 if either nibble is above 9. */
  static int value(byte b) {
    return VALUE[b & 0xFF];
  }

  /**
   * Packs a non-negative long as {@code digits} digits, zero-filled in front, two digits per step.
   * The caller has checked that the value has at most {@code digits} digits.
   */
  static void packLong(long v, int digits, boolean leftPad, int padNibble, byte[] out, int off) {
    int i = off + bytes(digits) - 1;
    long rest = v;
    if ((digits & 1) != 0 && !leftPad) {
      out[i--] = (byte) ((int) (rest % 10) << 4 | padNibble);
      rest /= 10;
    }
    for (; i >= off && rest != 0; i--) {
      out[i] = PACKED[(int) (rest % 100)];
      rest /= 100;
    }
    for (; i >= off; i--) {
      out[i] = 0;
    }
  }

  /**
   * Unpacks {@code digits} nibbles starting at nibble {@code lead} (0 or 1) of {@code b[off]} into
   * {@code out} as characters {@code '0' + nibble}; with {@code strict}, a nibble above 9 is an
   * error.
   */
  static void unpack(
      byte[] b,
      int off,
      int lead,
      int digits,
      byte[] out,
      int outOff,
      boolean strict,
      int field,
      int base) {
    int j = 0;
    int at = off;
    if (lead == 1 && digits > 0) {
      out[outOff] = digit(b[at] & 0xF, strict, at, field, base);
      j = 1;
      at++;
    }
    int pairsFrom = at;
    int bad = 0;
    while (digits - j >= 2) {
      int v = b[at] & 0xFF;
      bad |= VALUE[v]; // negative once any nibble is above 9; checked after the loop
      out[outOff + j] = (byte) ('0' + (v >>> 4));
      out[outOff + j + 1] = (byte) ('0' + (v & 0xF));
      j += 2;
      at++;
    }
    if (strict && bad < 0) {
      throw firstNotDigit(b, pairsFrom, at, field, base);
    }
    if (j < digits) {
      out[outOff + j] = digit((b[at] >>> 4) & 0xF, strict, at, field, base);
    }
  }

  private static IsoFormatException firstNotDigit(byte[] b, int from, int to, int field, int base) {
    int at = from;
    while (at < to - 1 && VALUE[b[at] & 0xFF] >= 0) {
      at++;
    }
    int v = b[at] & 0xFF;
    return notDigit(v > 0x9F ? v >>> 4 : v & 0xF, at, field, base);
  }

  private static byte digit(int nibble, boolean strict, int at, int field, int base) {
    if (strict && nibble > 9) {
      throw notDigit(nibble, at, field, base);
    }
    return (byte) ('0' + nibble);
  }

  /** Reads {@code digits} decimal nibbles as a long, without allocating. */
  static long toLong(byte[] b, int off, int lead, int digits, int field, int base) {
    long v = 0;
    for (int j = 0; j < digits; j++) {
      int n = nibble(b, off, lead + j);
      int at = off + ((lead + j) >>> 1);
      if (n > 9) {
        throw notDigit(n, at, field, base);
      }
      v = Digits.append(v, n, field, at - base);
    }
    return v;
  }

  private static IsoFormatException notDigit(int nibble, int at, int field, int base) {
    return new IsoFormatException(
        field, at - base, "BCD nibble " + Hex.digit(nibble) + " is not a decimal digit");
  }
}
