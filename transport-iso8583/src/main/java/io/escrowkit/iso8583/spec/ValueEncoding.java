package io.escrowkit.iso8583.spec;

/**
 * How a field's value is laid out on the wire.
 *
 * <p>Length units: digits for BCD values, bytes for binary values (also when written as hex), and
 * bytes on the wire for text (so a GBK character counts 2).
 *
 * <p>Immutable and threadsafe.
 */
public enum ValueEncoding {
  /**
   * Characters, one byte each for US-ASCII and ISO-8859-1, or in the field's multi-byte charset
   * (GBK, UTF-8) for {@code an}/{@code ans} fields.
   */
  ASCII,
  /** Characters in EBCDIC code page 1047 (IBM1047, as jPOS's {@code ISOUtil.EBCDIC}). */
  EBCDIC,
  /**
   * Packed BCD, two digits a byte; an odd count gets a leading 0 nibble (right-aligned, the "右靠" of
   * UnionPay specs, jPOS {@code pad="true"}).
   */
  BCD_LEFT_PADDED,
  /**
   * Packed BCD; an odd count gets a trailing 0 nibble (left-aligned, "左靠", jPOS {@code
   * pad="false"}).
   */
  BCD_RIGHT_PADDED,
  /** Packed BCD; an odd count gets a trailing F nibble (jPOS {@code IFB_F*} classes). */
  BCD_RIGHT_PADDED_F,
  /** Raw bytes ({@code b} fields only). */
  BINARY,
  /**
   * Each byte as two hexadecimal ASCII characters ({@code b} fields only, jPOS {@code IFA_BINARY}).
   */
  HEX_ASCII,
  /**
   * Each byte as two hexadecimal EBCDIC characters ({@code b} fields only, jPOS {@code
   * IFE_BINARY}).
   */
  HEX_EBCDIC;

  /** Whether this is one of the packed BCD encodings. */
  public boolean isBcd() {
    return this == BCD_LEFT_PADDED || this == BCD_RIGHT_PADDED || this == BCD_RIGHT_PADDED_F;
  }

  /** Whether this encodes binary data. */
  public boolean isBinary() {
    return this == BINARY || this == HEX_ASCII || this == HEX_EBCDIC;
  }
}
