package io.escrowkit.iso8583.spec;

/**
 * Whether a field has a fixed length or a length prefix of 2, 3 or 4 decimal digits.
 *
 * <p>Immutable and threadsafe.
 */
public enum LengthKind {
  /** Always {@code maxLength} units on the wire, padded if the value is shorter. */
  FIXED(0),
  /** Variable, up to 99 units, with a 2-digit length prefix (LLVAR). */
  LL(2),
  /** Variable, up to 999 units, with a 3-digit length prefix (LLLVAR). */
  LLL(3),
  /** Variable, up to 9999 units, with a 4-digit length prefix (LLLLVAR). */
  LLLL(4);

  private final int digits;

  LengthKind(int digits) {
    this.digits = digits;
  }

  /** The number of decimal digits of the length prefix; 0 for {@link #FIXED}. */
  public int digits() {
    return digits;
  }
}
