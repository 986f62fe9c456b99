package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.IsoFormatException;

/** Overflow-checked decimal accumulation for zero-allocation numeric reads. */
final class Digits {

  private Digits() {}

  /** For each number 0..99, its two ASCII digits. */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /**
   * Writes a non-negative number as {@code width} ASCII digits, zero-filled in front, two digits
   * per division; the caller has checked that it fits.
   */
  static void writeAscii(long v, byte[] out, int off, int width) {
    int i = off + width;
    long rest = v;
    while (rest != 0 && i - off >= 2) {
      int pair = (int) (rest % 100);
      rest /= 100;
      out[--i] = PAIRS[2 * pair + 1];
      out[--i] = PAIRS[2 * pair];
    }
    if (rest != 0) {
      out[--i] = (byte) ('0' + rest);
    }
    while (i > off) {
      out[--i] = '0';
    }
  }

  /** Returns {@code v * 10 + d}, or throws if that does not fit a long. */
  static long append(long v, int d, int field, int offset) {
    if (v > (Long.MAX_VALUE - d) / 10) {
      throw new IsoFormatException(field, offset, "the value does not fit a long; read it as text");
    }
    return v * 10 + d;
  }
}
