package io.escrowkit.iso8583;

import static io.escrowkit.iso8583.spec.FieldType.AN;
import static io.escrowkit.iso8583.spec.FieldType.ANS;
import static io.escrowkit.iso8583.spec.FieldType.B;
import static io.escrowkit.iso8583.spec.FieldType.N;
import static io.escrowkit.iso8583.spec.FieldType.XN;
import static io.escrowkit.iso8583.spec.FieldType.Z;
import static io.escrowkit.iso8583.spec.LengthKind.FIXED;
import static io.escrowkit.iso8583.spec.LengthKind.LL;
import static io.escrowkit.iso8583.spec.LengthKind.LLL;

import io.escrowkit.iso8583.spec.BitmapEncoding;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.LengthEncoding;
import io.escrowkit.iso8583.spec.LengthKind;
import io.escrowkit.iso8583.spec.MtiEncoding;
import io.escrowkit.iso8583.spec.SubfieldSpec;
import io.escrowkit.iso8583.spec.ValueEncoding;

/**
 * ISO 8583:1987 data elements 2 to 128, one table for both forms. Lengths follow jPOS's
 * ISO87APackager/ISO87BPackager so the wire formats agree, with ISO's types where jPOS is looser:
 * field 35 is z (track 2), field 55 is binary EMV data (jPOS: LLLCHAR, the same bytes), field 96 is
 * b8 as ISO defines it (jPOS: 16 bytes). Fields 3 and 90 have their ISO subfields.
 */
final class Iso87Specs {

  private Iso87Specs() {}

  static IsoSpec ascii(String name) {
    IsoSpec.Builder b =
        IsoSpec.builder(name).mti(MtiEncoding.ASCII).bitmap(BitmapEncoding.HEX_ASCII, 2);
    define(b, false);
    return b.build();
  }

  static IsoSpec binary(String name) {
    IsoSpec.Builder b = IsoSpec.builder(name).mti(MtiEncoding.BCD).bitmap(BitmapEncoding.BINARY, 2);
    define(b, true);
    return b.build();
  }

  private static void define(IsoSpec.Builder b, boolean bin) {
    Table t = new Table(b, bin);
    t.f(2, N, LL, 19, "Primary account number");
    t.add(
        field(3, N, FIXED, 6, "Processing code", bin)
            .withSubfields(
                new SubfieldSpec(1, "Transaction type", N, 2),
                new SubfieldSpec(2, "From account", N, 2),
                new SubfieldSpec(3, "To account", N, 2)));
    t.f(4, N, 12, "Amount, transaction").f(5, N, 12, "Amount, settlement");
    t.f(6, N, 12, "Amount, cardholder billing").f(7, N, 10, "Transmission date and time");
    t.f(8, N, 8, "Amount, cardholder billing fee").f(9, N, 8, "Conversion rate, settlement");
    t.f(10, N, 8, "Conversion rate, cardholder billing").f(11, N, 6, "System trace audit number");
    t.f(12, N, 6, "Time, local transaction").f(13, N, 4, "Date, local transaction");
    t.f(14, N, 4, "Date, expiration").f(15, N, 4, "Date, settlement");
    t.f(16, N, 4, "Date, conversion").f(17, N, 4, "Date, capture").f(18, N, 4, "Merchant type");
    t.f(19, N, 3, "Acquiring institution country code").f(20, N, 3, "PAN extended country code");
    t.f(21, N, 3, "Forwarding institution country code").f(22, N, 3, "POS entry mode");
    t.f(23, N, 3, "Card sequence number").f(24, N, 3, "Network international identifier");
    t.f(25, N, 2, "POS condition code").f(26, N, 2, "POS PIN capture code");
    t.f(27, N, 1, "Authorization identification response length");
    t.f(28, XN, 9, "Amount, transaction fee").f(29, XN, 9, "Amount, settlement fee");
    t.f(30, XN, 9, "Amount, transaction processing fee");
    t.f(31, XN, 9, "Amount, settlement processing fee");
    t.f(32, N, LL, 11, "Acquiring institution identification code");
    t.f(33, N, LL, 11, "Forwarding institution identification code");
    t.f(34, ANS, LL, 28, "PAN extended").f(35, Z, LL, 37, "Track 2 data");
    t.f(36, ANS, LLL, 104, "Track 3 data").f(37, AN, 12, "Retrieval reference number");
    t.f(38, AN, 6, "Authorization identification response").f(39, AN, 2, "Response code");
    t.f(40, AN, 3, "Service restriction code").f(41, ANS, 8, "Card acceptor terminal id");
    t.f(42, ANS, 15, "Card acceptor identification code");
    t.f(43, ANS, 40, "Card acceptor name/location").f(44, ANS, LL, 25, "Additional response data");
    t.f(45, ANS, LL, 76, "Track 1 data").f(46, ANS, LLL, 999, "Additional data - ISO");
    t.f(47, ANS, LLL, 999, "Additional data - national");
    t.f(48, ANS, LLL, 999, "Additional data - private");
    t.f(49, AN, 3, "Currency code, transaction").f(50, AN, 3, "Currency code, settlement");
    t.f(51, AN, 3, "Currency code, cardholder billing").f(52, B, 8, "PIN data");
    t.f(53, N, 16, "Security related control information");
    t.f(54, ANS, LLL, 120, "Additional amounts");
    t.add(t.binaryVariable(55, 999, "ICC data (EMV TLV)").withTlv());
    for (int f = 56; f <= 63; f++) {
      t.f(f, ANS, LLL, 999, f < 60 ? "Reserved ISO/national" : "Reserved private");
    }
    t.f(64, B, 8, "Message authentication code").f(65, B, 1, "Bitmap, extended");
    t.f(66, N, 1, "Settlement code").f(67, N, 2, "Extended payment code");
    t.f(68, N, 3, "Receiving institution country code");
    t.f(69, N, 3, "Settlement institution country code");
    t.f(70, N, 3, "Network management information code").f(71, N, 4, "Message number");
    t.f(72, N, 4, "Message number, last").f(73, N, 6, "Date, action");
    String[] counts = {
      "Credits",
      "Credits reversal",
      "Debits",
      "Debits reversal",
      "Transfer",
      "Transfer reversal",
      "Inquiries",
      "Authorizations"
    };
    for (int i = 0; i < counts.length; i++) {
      t.f(74 + i, N, 10, counts[i] + ", number");
    }
    t.f(82, N, 12, "Credits, processing fee amount").f(83, N, 12, "Credits, transaction fee");
    t.f(84, N, 12, "Debits, processing fee amount").f(85, N, 12, "Debits, transaction fee");
    t.f(86, N, 16, "Credits, amount").f(87, N, 16, "Credits, reversal amount");
    t.f(88, N, 16, "Debits, amount").f(89, N, 16, "Debits, reversal amount");
    t.add(
        field(90, N, FIXED, 42, "Original data elements", bin)
            .withSubfields(
                new SubfieldSpec(1, "Original MTI", N, 4),
                new SubfieldSpec(2, "Original STAN", N, 6),
                new SubfieldSpec(3, "Original transmission date and time", N, 10),
                new SubfieldSpec(4, "Original acquiring institution", N, 11),
                new SubfieldSpec(5, "Original forwarding institution", N, 11)));
    t.f(91, AN, 1, "File update code").f(92, AN, 2, "File security code");
    t.f(93, AN, 6, "Response indicator").f(94, AN, 7, "Service indicator");
    t.f(95, AN, 42, "Replacement amounts").f(96, B, 8, "Message security code");
    t.f(97, XN, 17, "Amount, net settlement").f(98, ANS, 25, "Payee");
    t.f(99, N, LL, 11, "Settlement institution identification code");
    t.f(100, N, LL, 11, "Receiving institution identification code");
    t.f(101, ANS, LL, 17, "File name").f(102, ANS, LL, 28, "Account identification 1");
    t.f(103, ANS, LL, 28, "Account identification 2");
    t.f(104, ANS, LLL, 100, "Transaction description");
    for (int f = 105; f <= 127; f++) {
      t.f(
          f,
          ANS,
          LLL,
          999,
          f < 112 ? "Reserved ISO" : f < 120 ? "Reserved national" : "Reserved private");
    }
    t.f(128, B, 8, "Message authentication code");
  }

  /** A field in the form's encodings: ASCII or BCD numbers and prefixes, hex or raw binary. */
  static FieldSpec field(
      int number, FieldType type, LengthKind kind, int max, String name, boolean bin) {
    ValueEncoding value;
    if (type == B) {
      value = bin ? ValueEncoding.BINARY : ValueEncoding.HEX_ASCII;
    } else if (type.isNumeric() && bin) {
      // jPOS: IFB_NUMERIC and IFB_AMOUNT pad="true" (right-aligned), IFB_LLNUM pad="false".
      value = kind == FIXED ? ValueEncoding.BCD_LEFT_PADDED : ValueEncoding.BCD_RIGHT_PADDED;
    } else {
      value = ValueEncoding.ASCII;
    }
    LengthEncoding prefix =
        kind == FIXED ? LengthEncoding.NONE : bin ? LengthEncoding.BCD : LengthEncoding.ASCII;
    return new FieldSpec(
        number,
        name,
        type,
        kind,
        max,
        value,
        prefix,
        java.nio.charset.StandardCharsets.US_ASCII,
        java.util.Collections.emptyList(),
        false);
  }

  /** Fluent shorthand for the table above. */
  private static final class Table {
    private final IsoSpec.Builder builder;
    private final boolean bin;

    Table(IsoSpec.Builder builder, boolean bin) {
      this.builder = builder;
      this.bin = bin;
    }

    Table f(int number, FieldType type, int length, String name) {
      return f(number, type, FIXED, length, name);
    }

    Table f(int number, FieldType type, LengthKind kind, int max, String name) {
      return add(field(number, type, kind, max, name, bin));
    }

    Table add(FieldSpec spec) {
      builder.field(spec);
      return this;
    }

    /** Raw bytes behind an LLL prefix (ASCII or BCD): the same bytes as jPOS's LLLCHAR. */
    FieldSpec binaryVariable(int number, int max, String name) {
      return FieldSpec.variable(
              number,
              B,
              LLL,
              max,
              ValueEncoding.BINARY,
              bin ? LengthEncoding.BCD : LengthEncoding.ASCII)
          .withName(name);
    }
  }
}
