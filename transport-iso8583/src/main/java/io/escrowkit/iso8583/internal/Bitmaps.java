package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.IsoException;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.spec.BitmapEncoding;

/**
 * Writes and reads one 64-bit bitmap; bit 1 (field 1) is the most significant bit.
 *
 * <p>Stateless and threadsafe.
 */
public final class Bitmaps {

  private Bitmaps() {}

  /** The bitmap bit for a field number within its 64-field word. */
  public static long bit(int field) {
    return Long.MIN_VALUE >>> ((field - 1) & 63);
  }

  /** Writes one bitmap word; returns the offset after it. */
  public static int write(long word, BitmapEncoding encoding, byte[] out, int off) {
    if (encoding == BitmapEncoding.BINARY) {
      for (int i = 0; i < 8; i++) {
        out[off + i] = (byte) (word >>> (56 - 8 * i));
      }
      return off + 8;
    }
    boolean ebcdic = encoding == BitmapEncoding.HEX_EBCDIC;
    for (int i = 0; i < 16; i++) {
      char c = Hex.digit((int) (word >>> (60 - 4 * i)) & 0xF);
      out[off + i] = ebcdic ? Ebcdic.encode(c) : (byte) c;
    }
    return off + 16;
  }

  /**
   * Reads one bitmap word at {@code off}; the caller has checked the bytes are there.
   *
   * @param base the array index error offsets are counted from
   */
  public static long read(byte[] b, int off, BitmapEncoding encoding, int base) {
    long word = 0;
    if (encoding == BitmapEncoding.BINARY) {
      for (int i = 0; i < 8; i++) {
        word = word << 8 | (b[off + i] & 0xFF);
      }
      return word;
    }
    boolean ebcdic = encoding == BitmapEncoding.HEX_EBCDIC;
    for (int i = 0; i < 16; i++) {
      int v = Hex.value(ebcdic ? Ebcdic.decode(b[off + i]) : (char) (b[off + i] & 0xFF));
      if (v < 0) {
        throw new IsoFormatException(
            IsoException.BITMAP, off + i - base, "bitmap byte at this offset is not a hex digit");
      }
      word = word << 4 | v;
    }
    return word;
  }
}
