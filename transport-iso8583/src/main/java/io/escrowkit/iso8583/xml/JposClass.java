package io.escrowkit.iso8583.xml;

import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.LengthEncoding;
import io.escrowkit.iso8583.spec.LengthKind;
import io.escrowkit.iso8583.spec.ValueEncoding;

/**
 * What one jPOS field packager class means, as checked against jPOS 2.1.9: its type, length kind,
 * value and length encodings. For BCD classes whose padding follows the {@code pad} attribute,
 * {@link #bcd(boolean)} picks the encoding ({@code pad="true"}: left-padded; otherwise
 * right-padded, with an F nibble for the {@code IFB_F*} classes).
 */
final class JposClass {

  /** How a BCD class pads an odd digit count when {@code pad} is false. */
  enum Pad {
    NONE,
    ZERO,
    F
  }

  final FieldType type;
  final LengthKind kind;
  final ValueEncoding encoding;
  final LengthEncoding lengthEncoding;
  final Pad pad;

  JposClass(
      FieldType type,
      LengthKind kind,
      ValueEncoding encoding,
      LengthEncoding lengthEncoding,
      Pad pad) {
    this.type = type;
    this.kind = kind;
    this.encoding = encoding;
    this.lengthEncoding = lengthEncoding;
    this.pad = pad;
  }

  /** The value encoding for a {@code pad} attribute. */
  ValueEncoding bcd(boolean padAttribute) {
    switch (pad) {
      case ZERO:
        return padAttribute ? ValueEncoding.BCD_LEFT_PADDED : ValueEncoding.BCD_RIGHT_PADDED;
      case F:
        return padAttribute ? ValueEncoding.BCD_LEFT_PADDED : ValueEncoding.BCD_RIGHT_PADDED_F;
      default:
        return encoding;
    }
  }
}
