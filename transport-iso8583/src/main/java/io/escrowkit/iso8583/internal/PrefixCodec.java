package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.spec.LengthEncoding;
import io.escrowkit.iso8583.spec.LengthKind;

/** Reads and writes a variable field's length prefix. Immutable. */
final class PrefixCodec {

  private final LengthEncoding encoding;
  private final LengthKind kind;
  private final int digits;
  private final int size;
  // The encoding as a small int, so the per-field switch needs no enum ordinal lookup.
  private final int mode;

  private static final int NONE = 0;
  private static final int BINARY = 1;
  private static final int BCD = 2;
  private static final int ASCII = 3;
  private static final int EBCDIC = 4;

  PrefixCodec(LengthEncoding encoding, LengthKind kind) {
    this.encoding = encoding;
    this.kind = kind;
    this.digits = kind.digits();
    this.size = encoding.prefixBytes(kind);
    this.mode = modeOf(encoding);
  }

  private static int modeOf(LengthEncoding encoding) {
    switch (encoding) {
      case BINARY:
        return BINARY;
      case BCD:
        return BCD;
      case ASCII:
        return ASCII;
      case EBCDIC:
        return EBCDIC;
      default:
        return NONE;
    }
  }

  int size() {
    return size;
  }

  /**
   * Reads the length at {@code off}; the caller has checked that {@link #size()} bytes are there.
   *
   * @param base the array index error offsets are counted from
   */
  int read(byte[] b, int off, int field, int base) {
    switch (mode) {
      case BINARY:
        return size == 1 ? b[off] & 0xFF : (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
      case BCD:
        return readBcd(b, off, field, base);
      case ASCII:
        return readChars(b, off, field, base, false);
      case EBCDIC:
        return readChars(b, off, field, base, true);
      default:
        throw new IllegalStateException("fixed fields have no prefix");
    }
  }

  private int readBcd(byte[] b, int off, int field, int base) {
    int value = 0;
    for (int i = 0; i < size; i++) {
      int pair = Bcd.value(b[off + i]);
      if (pair < 0) {
        throw new IsoFormatException(
            field, off + i - base, kind + " BCD length prefix is not decimal");
      }
      value = value * 100 + pair;
    }
    return value;
  }

  private int readChars(byte[] b, int off, int field, int base, boolean ebcdic) {
    int value = 0;
    for (int i = 0; i < digits; i++) {
      int d = ebcdic ? Ebcdic.digitValue(b[off + i]) : (b[off + i] & 0xFF) - '0';
      if (d < 0 || d > 9) {
        throw new IsoFormatException(
            field, off + i - base, kind + " " + encoding + " length prefix is not decimal");
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** Writes {@code length} at {@code off}; returns the offset after the prefix. */
  int write(int length, byte[] out, int off) {
    switch (mode) {
      case BINARY:
        if (size == 1) {
          out[off] = (byte) length;
        } else {
          out[off] = (byte) (length >>> 8);
          out[off + 1] = (byte) length;
        }
        return off + size;
      case BCD:
        if (size == 1) {
          out[off] = Bcd.packed(length);
        } else {
          out[off] = Bcd.packed(length / 100);
          out[off + 1] = Bcd.packed(length % 100);
        }
        return off + size;
      case ASCII:
        Digits.writeAscii(length, out, off, digits);
        return off + digits;
      case EBCDIC:
        int w = length;
        for (int i = digits - 1; i >= 0; i--) {
          out[off + i] = (byte) (0xF0 + w % 10);
          w /= 10;
        }
        return off + digits;
      default:
        return off;
    }
  }
}
