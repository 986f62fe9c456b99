package io.escrowkit.iso8583.spec;

/**
 * What a field may contain, in ISO 8583 notation. Checked when a value is set for encoding; on
 * decoding, {@link #N}, {@link #Z} and {@link #XN} content is checked when the value is read.
 *
 * <p>Immutable and threadsafe.
 */
public enum FieldType {
  /** {@code n}: decimal digits only. */
  N,
  /** {@code an}: letters, digits and space. */
  AN,
  /** {@code ans}: any character the field's charset can encode. */
  ANS,
  /** {@code b}: binary data. */
  B,
  /**
   * {@code z}: track 2/3 data, the ISO 7811 5-bit set {@code 0-9 : ; < = > ?} (in BCD each
   * character is one nibble, {@code '='} the separator is nibble {@code D}). On encoding, {@code
   * 'D'} is accepted as the separator and written as {@code '='}.
   */
  Z,
  /**
   * {@code x+n}: an amount with a sign character, {@code 'C'} (credit) or {@code 'D'} (debit),
   * followed by digits. The sign counts towards the length, as in jPOS {@code IFA_AMOUNT}.
   */
  XN;

  /** Whether values are decimal digits (possibly with a sign or track separators). */
  public boolean isNumeric() {
    return this == N || this == Z || this == XN;
  }

  /** Whether values are free text. */
  public boolean isText() {
    return this == AN || this == ANS;
  }
}
