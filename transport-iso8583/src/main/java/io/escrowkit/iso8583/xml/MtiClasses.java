package io.escrowkit.iso8583.xml;

import io.escrowkit.iso8583.IsoSpecException;
import io.escrowkit.iso8583.spec.BitmapEncoding;
import io.escrowkit.iso8583.spec.MtiEncoding;

/** The jPOS classes accepted for field 0 (MTI) and field 1 (bitmap). */
final class MtiClasses {

  private MtiClasses() {}

  static MtiEncoding mti(String cls, int length) {
    if (length != 4) {
      throw new IsoSpecException("field 0: the MTI must have length 4, not " + length);
    }
    switch (JposClasses.simpleName(cls)) {
      case "IFA_NUMERIC":
      case "IF_CHAR":
        return MtiEncoding.ASCII;
      case "IFB_NUMERIC":
        return MtiEncoding.BCD;
      case "IFE_NUMERIC":
      case "IFE_CHAR":
        return MtiEncoding.EBCDIC;
      default:
        throw new IsoSpecException(
            "field 0: jPOS class "
                + cls
                + " is not supported for the MTI; supported: "
                + "IFA_NUMERIC, IF_CHAR, IFB_NUMERIC, IFE_NUMERIC, IFE_CHAR");
    }
  }

  static BitmapEncoding bitmap(String cls) {
    switch (JposClasses.simpleName(cls)) {
      case "IFA_BITMAP":
        return BitmapEncoding.HEX_ASCII;
      case "IFB_BITMAP":
        return BitmapEncoding.BINARY;
      case "IFE_BITMAP":
        return BitmapEncoding.HEX_EBCDIC;
      default:
        throw new IsoSpecException(
            "field 1: jPOS class "
                + cls
                + " is not supported for the bitmap; supported: "
                + "IFA_BITMAP, IFB_BITMAP, IFE_BITMAP");
    }
  }
}
