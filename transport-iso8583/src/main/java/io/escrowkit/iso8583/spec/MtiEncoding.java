package io.escrowkit.iso8583.spec;

/**
 * How the 4-digit message type indicator is written.
 *
 * <p>Immutable and threadsafe.
 */
public enum MtiEncoding {
  /** Four ASCII digits. */
  ASCII(4),
  /** Two bytes of packed BCD. */
  BCD(2),
  /** Four EBCDIC digits. */
  EBCDIC(4);

  private final int bytes;

  MtiEncoding(int bytes) {
    this.bytes = bytes;
  }

  /** The number of bytes the MTI takes on the wire. */
  public int bytes() {
    return bytes;
  }
}
