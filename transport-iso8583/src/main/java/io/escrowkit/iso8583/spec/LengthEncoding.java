package io.escrowkit.iso8583.spec;

/**
 * How a variable field's length prefix is written.
 *
 * <p>Immutable and threadsafe.
 */
public enum LengthEncoding {
  /** No prefix: the field is {@link LengthKind#FIXED}. */
  NONE,
  /** Decimal ASCII digits, one byte per digit ({@code "019"}). */
  ASCII,
  /**
   * Packed BCD, right-aligned: LL in 1 byte, LLL and LLLL in 2 bytes ({@code 0x01 0x23} for 123).
   */
  BCD,
  /**
   * Unsigned big-endian binary: LL in 1 byte (up to 255), LLL and LLLL in 2 bytes (up to 65535).
   */
  BINARY,
  /** Decimal EBCDIC digits, one byte per digit ({@code F0 F1 F9}). */
  EBCDIC;

  /** The number of prefix bytes for a length of the given kind. */
  public int prefixBytes(LengthKind kind) {
    int digits = kind.digits();
    switch (this) {
      case NONE:
        return 0;
      case BCD:
        return (digits + 1) / 2;
      case BINARY:
        return kind == LengthKind.LL ? 1 : 2;
      default:
        return digits;
    }
  }

  /** The largest length a prefix of the given kind can express. */
  public int capacity(LengthKind kind) {
    switch (this) {
      case NONE:
        return Integer.MAX_VALUE;
      case BINARY:
        return kind == LengthKind.LL ? 0xFF : 0xFFFF;
      default:
        int max = 1;
        for (int i = 0; i < kind.digits(); i++) {
          max *= 10;
        }
        return max - 1;
    }
  }
}
