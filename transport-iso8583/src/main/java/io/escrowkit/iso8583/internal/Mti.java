package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.IsoException;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.spec.MtiEncoding;

/**
 * Writes and reads the 4-digit message type indicator.
 *
 * <p>Stateless and threadsafe.
 */
public final class Mti {

  private Mti() {}

  /** Whether a text is exactly four decimal digits. */
  public static boolean isValid(String mti) {
    if (mti.length() != 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      char c = mti.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Writes a valid MTI; returns the offset after it. */
  public static int write(String mti, MtiEncoding encoding, byte[] out, int off) {
    switch (encoding) {
      case BCD:
        out[off] = (byte) ((mti.charAt(0) - '0') << 4 | (mti.charAt(1) - '0'));
        out[off + 1] = (byte) ((mti.charAt(2) - '0') << 4 | (mti.charAt(3) - '0'));
        return off + 2;
      case EBCDIC:
        for (int i = 0; i < 4; i++) {
          out[off + i] = Ebcdic.encode(mti.charAt(i));
        }
        return off + 4;
      default:
        for (int i = 0; i < 4; i++) {
          out[off + i] = (byte) mti.charAt(i);
        }
        return off + 4;
    }
  }

  /**
   * Reads the MTI at {@code off} as a number 0..9999; the caller has checked the bytes are there.
   */
  public static int read(byte[] b, int off, MtiEncoding encoding, int base) {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int d;
      int at;
      if (encoding == MtiEncoding.BCD) {
        at = off + (i >>> 1);
        d = (i & 1) == 0 ? (b[at] >>> 4) & 0xF : b[at] & 0xF;
      } else {
        at = off + i;
        d = encoding == MtiEncoding.EBCDIC ? Ebcdic.digitValue(b[at]) : (b[at] & 0xFF) - '0';
      }
      if (d < 0 || d > 9) {
        throw new IsoFormatException(IsoException.MTI, at - base, "MTI is not four decimal digits");
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** The 4-digit text of an MTI number. */
  public static String text(int mti) {
    char[] c = new char[4];
    int v = mti;
    for (int i = 3; i >= 0; i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return new String(c);
  }
}
