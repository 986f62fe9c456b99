package io.escrowkit.iso8583.spec;

/**
 * How each 64-bit bitmap is written.
 *
 * <p>Immutable and threadsafe.
 */
public enum BitmapEncoding {
  /** Eight raw bytes, most significant bit first. */
  BINARY(8),
  /** Sixteen hexadecimal ASCII characters (upper case written, either case read). */
  HEX_ASCII(16),
  /** Sixteen hexadecimal EBCDIC characters (jPOS {@code IFE_BITMAP}). */
  HEX_EBCDIC(16);

  private final int bytesPerBitmap;

  BitmapEncoding(int bytesPerBitmap) {
    this.bytesPerBitmap = bytesPerBitmap;
  }

  /** The number of bytes one 64-bit bitmap takes on the wire. */
  public int bytesPerBitmap() {
    return bytesPerBitmap;
  }
}
