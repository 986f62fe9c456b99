package io.escrowkit.iso8583;

import java.util.Locale;

/**
 * The transport length prefix in front of each message on a stream: none, 2-byte big-endian binary,
 * or 4 ASCII digits. The prefix counts the bytes after it (TPDU, header and body) and not itself.
 *
 * <p>Immutable and threadsafe.
 */
public enum LengthPrefix {
  /** No prefix: each read is one whole message (datagram-style peers, log files). */
  NONE(0, Integer.MAX_VALUE),
  /** Two bytes, unsigned big-endian: up to 65535 bytes. */
  BINARY_2(2, 0xFFFF),
  /** Four ASCII digits: up to 9999 bytes. */
  ASCII_4(4, 9999);

  private final int size;
  private final int maxLength;

  LengthPrefix(int size, int maxLength) {
    this.size = size;
    this.maxLength = maxLength;
  }

  /**
   * Parses a command-line name: {@code none}, {@code 2} (binary) or {@code 4a} (ASCII), or the enum
   * constant's name.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static LengthPrefix forName(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "none":
        return NONE;
      case "2":
      case "binary_2":
        return BINARY_2;
      case "4a":
      case "ascii_4":
        return ASCII_4;
      default:
        throw new IllegalArgumentException(
            "length prefix '" + name + "' is not one of none, 2, 4a");
    }
  }

  /** The prefix's size in bytes. */
  public int size() {
    return size;
  }

  /** The largest message length the prefix can express. */
  public int maxLength() {
    return maxLength;
  }

  /**
   * Writes the prefix for a message of {@code length} bytes; returns the offset after it.
   *
   * @throws IsoValueException if the prefix cannot express the length
   */
  public int write(int length, byte[] out, int off) {
    if (length > maxLength) {
      throw new IsoValueException(
          IsoException.LENGTH_PREFIX,
          "message of " + length + " bytes exceeds the " + this + " maximum " + maxLength);
    }
    if (this == BINARY_2) {
      out[off] = (byte) (length >>> 8);
      out[off + 1] = (byte) length;
    } else if (this == ASCII_4) {
      int v = length;
      for (int i = 3; i >= 0; i--) {
        out[off + i] = (byte) ('0' + v % 10);
        v /= 10;
      }
    }
    return off + size;
  }

  /**
   * Reads the prefix at {@code off}; the caller has checked {@link #size()} bytes are there. For
   * {@link #NONE} returns -1 (unknown).
   *
   * @throws IsoFormatException if an ASCII prefix is not four digits (offset counted from {@code
   *     off})
   */
  public int read(byte[] in, int off) {
    if (this == BINARY_2) {
      return (in[off] & 0xFF) << 8 | (in[off + 1] & 0xFF);
    }
    if (this == ASCII_4) {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        int d = (in[off + i] & 0xFF) - '0';
        if (d < 0 || d > 9) {
          throw new IsoFormatException(
              IsoException.LENGTH_PREFIX, i, "ASCII length prefix is not four decimal digits");
        }
        v = v * 10 + d;
      }
      return v;
    }
    return -1;
  }
}
