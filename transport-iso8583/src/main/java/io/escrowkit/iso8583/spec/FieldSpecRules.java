package io.escrowkit.iso8583.spec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The consistency rules of {@link FieldSpec}, kept apart so the record stays readable. */
final class FieldSpecRules {

  private FieldSpecRules() {}

  static void check(
      int number,
      FieldType type,
      LengthKind kind,
      int maxLength,
      ValueEncoding encoding,
      LengthEncoding lengthEncoding,
      Charset charset,
      List<SubfieldSpec> subfields,
      boolean tlv) {
    if (number < 2 || number > 192) {
      throw FieldSpec.invalid(number, "data element numbers run from 2 to 192");
    }
    checkLength(number, type, kind, maxLength, lengthEncoding);
    checkEncoding(number, type, encoding);
    checkCharset(number, type, encoding, charset);
    if (tlv && type != FieldType.B) {
      throw FieldSpec.invalid(number, "only a binary (b) field can carry TLV data");
    }
    checkSubfields(number, type, maxLength, subfields);
  }

  private static void checkLength(
      int number, FieldType type, LengthKind kind, int maxLength, LengthEncoding lengthEncoding) {
    if (maxLength < 1) {
      throw FieldSpec.invalid(number, "length must be at least 1, was " + maxLength);
    }
    if (type == FieldType.XN && maxLength < 2) {
      throw FieldSpec.invalid(number, "an x+n field needs a sign and at least one digit");
    }
    if (kind == LengthKind.FIXED) {
      if (lengthEncoding != LengthEncoding.NONE) {
        throw FieldSpec.invalid(
            number, "a fixed field has no length prefix, so no " + lengthEncoding);
      }
      if (maxLength > FieldSpec.MAX_FIXED_LENGTH) {
        throw FieldSpec.invalid(number, "fixed length " + maxLength + " exceeds 9999");
      }
      return;
    }
    if (lengthEncoding == LengthEncoding.NONE) {
      throw FieldSpec.invalid(number, "a " + kind + " field needs a length encoding");
    }
    int capacity = Math.min(lengthEncoding.capacity(kind), kind == LengthKind.LL ? 0xFF : 0xFFFF);
    if (maxLength > capacity) {
      throw FieldSpec.invalid(
          number,
          "maximum " + maxLength + " does not fit a " + kind + " " + lengthEncoding + " prefix");
    }
  }

  private static void checkEncoding(int number, FieldType type, ValueEncoding encoding) {
    boolean ok;
    switch (type) {
      case B:
        ok = encoding.isBinary();
        break;
      case AN:
      case ANS:
        ok = encoding == ValueEncoding.ASCII || encoding == ValueEncoding.EBCDIC;
        break;
      default:
        ok = !encoding.isBinary();
    }
    if (!ok) {
      throw FieldSpec.invalid(number, "a " + type + " field cannot use " + encoding);
    }
  }

  private static void checkCharset(
      int number, FieldType type, ValueEncoding encoding, Charset charset) {
    if (charset.equals(StandardCharsets.US_ASCII)) {
      return;
    }
    if (!type.isText() || encoding != ValueEncoding.ASCII) {
      throw FieldSpec.invalid(
          number, "a charset other than US-ASCII applies only to an/ans fields in ASCII encoding");
    }
    if (!charset.canEncode()) {
      throw FieldSpec.invalid(number, "charset " + charset.name() + " cannot encode");
    }
    byte[] probe = " 0A".getBytes(charset);
    if (probe.length != 3 || probe[0] != ' ' || probe[1] != '0' || probe[2] != 'A') {
      throw FieldSpec.invalid(number, "charset " + charset.name() + " is not ASCII-compatible");
    }
  }

  private static void checkSubfields(
      int number, FieldType type, int maxLength, List<SubfieldSpec> subfields) {
    if (subfields.isEmpty()) {
      return;
    }
    if (type == FieldType.B) {
      throw FieldSpec.invalid(number, "a binary field cannot have positional subfields");
    }
    int total = 0;
    for (int i = 0; i < subfields.size(); i++) {
      SubfieldSpec sub = subfields.get(i);
      if (sub.number() != i + 1) {
        throw FieldSpec.invalid(number, "subfields must be numbered 1, 2, 3... in order");
      }
      if (type == FieldType.N && sub.type() != FieldType.N) {
        throw FieldSpec.invalid(number, "subfield " + sub.number() + " of an n field must be n");
      }
      total += sub.length();
    }
    if (total > maxLength) {
      throw FieldSpec.invalid(
          number, "subfields total " + total + " characters, more than the maximum " + maxLength);
    }
  }
}
