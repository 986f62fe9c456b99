package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.IsoFormatException;

/** Overflow-checked decimal accumulation for zero-allocation numeric reads. */
final class Digits {

  private Digits() {}

  /** Returns {@code v * 10 + d}, or throws if that does not fit a long. */
  static long append(long v, int d, int field, int offset) {
    if (v > (Long.MAX_VALUE - d) / 10) {
      throw new IsoFormatException(field, offset, "the value does not fit a long; read it as text");
    }
    return v * 10 + d;
  }
}
