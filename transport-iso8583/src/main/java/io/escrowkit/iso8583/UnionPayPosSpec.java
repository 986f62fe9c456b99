package io.escrowkit.iso8583;

import static io.escrowkit.iso8583.spec.FieldType.AN;
import static io.escrowkit.iso8583.spec.FieldType.ANS;
import static io.escrowkit.iso8583.spec.FieldType.B;
import static io.escrowkit.iso8583.spec.FieldType.N;
import static io.escrowkit.iso8583.spec.FieldType.Z;
import static io.escrowkit.iso8583.spec.LengthKind.LL;
import static io.escrowkit.iso8583.spec.LengthKind.LLL;
import static io.escrowkit.iso8583.spec.ValueEncoding.ASCII;
import static io.escrowkit.iso8583.spec.ValueEncoding.BCD_LEFT_PADDED;
import static io.escrowkit.iso8583.spec.ValueEncoding.BCD_RIGHT_PADDED;
import static io.escrowkit.iso8583.spec.ValueEncoding.BINARY;

import io.escrowkit.iso8583.spec.BitmapEncoding;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.LengthEncoding;
import io.escrowkit.iso8583.spec.LengthKind;
import io.escrowkit.iso8583.spec.MtiEncoding;
import io.escrowkit.iso8583.spec.SubfieldSpec;
import io.escrowkit.iso8583.spec.ValueEncoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The China UnionPay POS terminal dialect (中国银联 POS 终端规范): 5-byte TPDU, 6-byte header (application
 * type, version, terminal status, processing requirement, software version, e.g. {@code 60 31 00 31
 * 00 00}), BCD MTI, one binary bitmap (fields 2 to 64), numbers in packed BCD, LL lengths as 1 byte
 * of BCD and LLL lengths as 2 bytes of right-aligned BCD, text in ASCII, GBK in the merchant-name
 * fields 43 and 63 and in 46, 47, 56 and 57. Those four are not in the POS specification's field
 * list, but terminals and hosts of several acquirers send them (terminal information, host text),
 * so they are defined with ISO 8583:1987's ans...999 format and UnionPay's lengths: a message
 * carrying them decodes instead of stopping at the first.
 *
 * <p>Sources relied on (public copies; verify against the spec version your acquirer issued):
 *
 * <ul>
 *   <li>"中国银联POS终端消息域说明" (2002), table of contents and transaction-type table (field 3, 25 and 60.1
 *       per transaction, e.g. pre-authorization 03xxxx / 06 / 10): the field set.
 *   <li>"银联常用8583报文域说明" (csdndocs.com/article/7712474): BCD compression per field, F2 and F32
 *       left-aligned ("左靠") with a 1-byte BCD length, F22 left-aligned, F23 right-aligned.
 *   <li>e-com-net.com/article/5481825 (field 62): LLLVAR as "2 bytes of right-aligned BCD length +
 *       ASCII data".
 *   <li>Open-source terminal packer dongzhijiaren/ISO8583 ({@code st8583.c}, {@code pack8583.c}):
 *       1-byte/2-byte BCD length prefixes, z data as BCD nibbles ('=' is D), fixed n fields
 *       right-aligned, variable n and z left-aligned, field maxima (F48 322, F61 29).
 * </ul>
 *
 * Field 60 is n...017 in the 2002 edition, with subfields 60.1 transaction type code n2, 60.2
 * batch number n6, 60.3 network management information code n3, 60.4 terminal read capability n1,
 * 60.5 IC condition code n1, 60.6 partial-approval flag n1, 60.7 account type n3 (later spec
 * editions; earlier ones stop after 60.3 or 60.5, which the trailing-optional subfields allow).
 * Later editions append more (a published frame carries 19 digits), so the spec takes up to
 * {@value #FIELD_60_MAX} digits: a real terminal's or host's message must decode; digits after
 * 60.7 are kept in the field's value.
 */
final class UnionPayPosSpec {
  /** Field 60's maximum length in digits; the 2002 edition's is 17. */
  static final int FIELD_60_MAX = 100;


  private static final Charset GBK = Charset.forName("GBK");

  private UnionPayPosSpec() {}

  static IsoSpec build(String name) {
    IsoSpec.Builder b =
        IsoSpec.builder(name)
            .tpdu()
            .headerLength(6)
            .mti(MtiEncoding.BCD)
            .bitmap(BitmapEncoding.BINARY, 1);
    b.field(bcd(2, N, LL, 19, BCD_RIGHT_PADDED, "Primary account number"));
    b.field(
        num(3, 6, "Processing code")
            .withSubfields(
                new SubfieldSpec(1, "Transaction type", N, 2),
                new SubfieldSpec(2, "From account", N, 2),
                new SubfieldSpec(3, "To account", N, 2)));
    b.field(num(4, 12, "Amount, transaction"));
    b.field(num(11, 6, "System trace audit number"));
    b.field(num(12, 6, "Time, local transaction"));
    b.field(num(13, 4, "Date, local transaction"));
    b.field(num(14, 4, "Date, expiration"));
    b.field(num(15, 4, "Date, settlement"));
    b.field(FieldSpec.fixed(22, N, 3, BCD_RIGHT_PADDED).withName("POS entry mode"));
    b.field(num(23, 3, "Card sequence number"));
    b.field(num(25, 2, "POS condition code"));
    b.field(num(26, 2, "POS PIN capture code"));
    b.field(bcd(32, N, LL, 11, BCD_RIGHT_PADDED, "Acquiring institution identification code"));
    b.field(bcd(35, Z, LL, 37, BCD_RIGHT_PADDED, "Track 2 data"));
    b.field(bcd(36, Z, LLL, 104, BCD_RIGHT_PADDED, "Track 3 data"));
    b.field(text(37, AN, 12, "Retrieval reference number"));
    b.field(text(38, AN, 6, "Authorization identification response"));
    b.field(text(39, AN, 2, "Response code"));
    b.field(text(41, ANS, 8, "Card acceptor terminal id"));
    b.field(text(42, ANS, 15, "Card acceptor identification code"));
    b.field(text(43, ANS, 40, "Card acceptor name/location").withCharset(GBK));
    b.field(textVar(44, LL, 25, "Additional response data"));
    // Not in the POS specification's field list, but sent by terminals and hosts in the field
    // (terminal information blocks, host text): ISO 8583:1987's formats with UnionPay's lengths.
    b.field(textVar(46, LLL, 999, "Additional data - ISO").withCharset(GBK));
    b.field(textVar(47, LLL, 999, "Additional data - national").withCharset(GBK));
    b.field(bcd(48, N, LLL, 322, BCD_RIGHT_PADDED, "Additional data - private"));
    b.field(text(49, AN, 3, "Currency code, transaction"));
    b.field(FieldSpec.fixed(52, B, 8, BINARY).withName("PIN data"));
    b.field(num(53, 16, "Security related control information"));
    b.field(textVar(54, LLL, 20, "Additional amounts"));
    b.field(
        FieldSpec.variable(55, B, LLL, 255, BINARY, LengthEncoding.BCD)
            .withName("ICC data (EMV TLV)")
            .withTlv());
    b.field(textVar(56, LLL, 999, "Reserved ISO").withCharset(GBK));
    b.field(textVar(57, LLL, 999, "Reserved national").withCharset(GBK));
    b.field(textVar(58, LLL, 100, "PBOC electronic wallet data"));
    b.field(textVar(59, LLL, 999, "Reserved national"));
    b.field(
        bcd(60, N, LLL, FIELD_60_MAX, BCD_RIGHT_PADDED, "Reserved private")
            .withSubfields(
                new SubfieldSpec(1, "Transaction type code", N, 2),
                new SubfieldSpec(2, "Batch number", N, 6),
                new SubfieldSpec(3, "Network management information code", N, 3),
                new SubfieldSpec(4, "Terminal read capability", N, 1),
                new SubfieldSpec(5, "IC card condition code", N, 1),
                new SubfieldSpec(6, "Partial approval and balance flag", N, 1),
                new SubfieldSpec(7, "Account type", N, 3)));
    b.field(
        bcd(61, N, LLL, 29, BCD_RIGHT_PADDED, "Original message data")
            .withSubfields(
                new SubfieldSpec(1, "Original batch number", N, 6),
                new SubfieldSpec(2, "Original trace number", N, 6),
                new SubfieldSpec(3, "Original transaction date", N, 4)));
    b.field(textVar(62, LLL, 512, "Reserved private").withCharset(StandardCharsets.ISO_8859_1));
    b.field(textVar(63, LLL, 163, "Reserved private").withCharset(GBK));
    b.field(FieldSpec.fixed(64, B, 8, BINARY).withName("Message authentication code"));
    return b.build();
  }

  private static FieldSpec num(int number, int length, String name) {
    return FieldSpec.fixed(number, N, length, BCD_LEFT_PADDED).withName(name);
  }

  private static FieldSpec bcd(
      int number, FieldType type, LengthKind kind, int max, ValueEncoding enc, String name) {
    return FieldSpec.variable(number, type, kind, max, enc, LengthEncoding.BCD).withName(name);
  }

  private static FieldSpec text(int number, FieldType type, int length, String name) {
    return FieldSpec.fixed(number, type, length, ASCII).withName(name);
  }

  private static FieldSpec textVar(int number, LengthKind kind, int max, String name) {
    return FieldSpec.variable(number, ANS, kind, max, ASCII, LengthEncoding.BCD).withName(name);
  }
}
