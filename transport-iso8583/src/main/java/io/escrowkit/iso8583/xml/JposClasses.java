package io.escrowkit.iso8583.xml;

import static io.escrowkit.iso8583.spec.FieldType.ANS;
import static io.escrowkit.iso8583.spec.FieldType.B;
import static io.escrowkit.iso8583.spec.FieldType.N;
import static io.escrowkit.iso8583.spec.FieldType.XN;
import static io.escrowkit.iso8583.spec.LengthKind.FIXED;
import static io.escrowkit.iso8583.spec.LengthKind.LL;
import static io.escrowkit.iso8583.spec.LengthKind.LLL;
import static io.escrowkit.iso8583.spec.LengthKind.LLLL;

import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.LengthEncoding;
import io.escrowkit.iso8583.spec.LengthKind;
import io.escrowkit.iso8583.spec.ValueEncoding;
import io.escrowkit.iso8583.xml.JposClass.Pad;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The jPOS field classes the loader understands. Each entry was checked against jPOS 2.1.9 by
 * packing sample values (note {@code IFA_LLBINARY} carries raw bytes behind an ASCII length, while
 * {@code IFA_LLABINARY} carries hex; both lengths count bytes).
 */
final class JposClasses {

  private static final Map<String, JposClass> FIELDS = new TreeMap<>();

  static {
    LengthEncoding none = LengthEncoding.NONE;
    LengthEncoding a = LengthEncoding.ASCII;
    LengthEncoding bcd = LengthEncoding.BCD;
    LengthEncoding h = LengthEncoding.BINARY;
    LengthEncoding e = LengthEncoding.EBCDIC;
    ValueEncoding ascii = ValueEncoding.ASCII;
    ValueEncoding ebcdic = ValueEncoding.EBCDIC;
    ValueEncoding raw = ValueEncoding.BINARY;
    ValueEncoding hexA = ValueEncoding.HEX_ASCII;

    put("IFA_NUMERIC", N, FIXED, ascii, none);
    put("IFE_NUMERIC", N, FIXED, ebcdic, none);
    bcdField("IFB_NUMERIC", N, FIXED, none, Pad.ZERO);
    bcdField("IFB_FNUMERIC", N, FIXED, none, Pad.F);
    put("IFA_LLNUM", N, LL, ascii, a);
    put("IFA_LLLNUM", N, LLL, ascii, a);
    put("IFE_LLNUM", N, LL, ebcdic, e);
    put("IFE_LLLNUM", N, LLL, ebcdic, e);
    bcdField("IFB_LLNUM", N, LL, bcd, Pad.ZERO);
    bcdField("IFB_LLLNUM", N, LLL, bcd, Pad.ZERO);
    bcdField("IFB_FLLNUM", N, LL, bcd, Pad.F);
    bcdField("IFB_FLLLNUM", N, LLL, bcd, Pad.F);
    bcdField("IFB_LLHNUM", N, LL, h, Pad.ZERO);
    bcdField("IFB_LLLHNUM", N, LLL, h, Pad.ZERO);

    put("IFA_AMOUNT", XN, FIXED, ascii, none);
    put("IFE_AMOUNT", XN, FIXED, ebcdic, none);
    bcdField("IFB_AMOUNT", XN, FIXED, none, Pad.ZERO);

    put("IF_CHAR", ANS, FIXED, ascii, none);
    put("IFE_CHAR", ANS, FIXED, ebcdic, none);
    put("IFA_LLCHAR", ANS, LL, ascii, a);
    put("IFA_LLLCHAR", ANS, LLL, ascii, a);
    put("IFA_LLLLCHAR", ANS, LLLL, ascii, a);
    put("IFB_LLCHAR", ANS, LL, ascii, bcd);
    put("IFB_LLLCHAR", ANS, LLL, ascii, bcd);
    put("IFB_LLLLCHAR", ANS, LLLL, ascii, bcd);
    put("IFB_LLHCHAR", ANS, LL, ascii, h);
    put("IFB_LLLHCHAR", ANS, LLL, ascii, h);
    put("IFB_LLHECHAR", ANS, LL, ebcdic, h);
    put("IFB_LLLHECHAR", ANS, LLL, ebcdic, h);
    put("IFE_LLCHAR", ANS, LL, ebcdic, e);
    put("IFE_LLLCHAR", ANS, LLL, ebcdic, e);
    put("IFE_LLLLCHAR", ANS, LLLL, ebcdic, e);
    put("IFEA_LLCHAR", ANS, LL, ascii, e);
    put("IFAE_LLCHAR", ANS, LL, ebcdic, a);

    put("IFA_BINARY", B, FIXED, hexA, none);
    put("IFE_BINARY", B, FIXED, ValueEncoding.HEX_EBCDIC, none);
    put("IFB_BINARY", B, FIXED, raw, none);
    put("IFA_LLBINARY", B, LL, raw, a);
    put("IFA_LLLBINARY", B, LLL, raw, a);
    put("IFA_LLLLBINARY", B, LLLL, raw, a);
    put("IFA_LLABINARY", B, LL, hexA, a);
    put("IFA_LLLABINARY", B, LLL, hexA, a);
    put("IFB_LLBINARY", B, LL, raw, bcd);
    put("IFB_LLLBINARY", B, LLL, raw, bcd);
    put("IFB_LLLLBINARY", B, LLLL, raw, bcd);
    put("IFB_LLHBINARY", B, LL, raw, h);
    put("IFB_LLLHBINARY", B, LLL, raw, h);
    put("IFE_LLBINARY", B, LL, raw, e);
    put("IFE_LLLBINARY", B, LLL, raw, e);
    put("IFE_LLLLBINARY", B, LLLL, raw, e);
  }

  private JposClasses() {}

  private static void put(
      String name, FieldType type, LengthKind kind, ValueEncoding enc, LengthEncoding len) {
    FIELDS.put(name, new JposClass(type, kind, enc, len, Pad.NONE));
  }

  private static void bcdField(
      String name, FieldType type, LengthKind kind, LengthEncoding len, Pad pad) {
    FIELDS.put(name, new JposClass(type, kind, ValueEncoding.BCD_LEFT_PADDED, len, pad));
  }

  /** The mapping of a class, by simple name or {@code org.jpos.iso.} name. */
  static Optional<JposClass> field(String className) {
    return Optional.ofNullable(FIELDS.get(simpleName(className)));
  }

  /** The names of every supported data field class. */
  static Iterable<String> supported() {
    return Collections.unmodifiableSet(FIELDS.keySet());
  }

  static String simpleName(String className) {
    String prefix = "org.jpos.iso.";
    return className.startsWith(prefix) ? className.substring(prefix.length()) : className;
  }

  /** Classes that mean "no field here". */
  static boolean isUnused(String className) {
    String s = simpleName(className);
    return s.equals("IF_NOP") || s.equals("IF_UNUSED");
  }
}
