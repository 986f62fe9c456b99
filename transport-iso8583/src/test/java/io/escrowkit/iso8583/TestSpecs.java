package io.escrowkit.iso8583;

import static io.escrowkit.iso8583.spec.FieldType.AN;
import static io.escrowkit.iso8583.spec.FieldType.ANS;
import static io.escrowkit.iso8583.spec.FieldType.B;
import static io.escrowkit.iso8583.spec.FieldType.N;
import static io.escrowkit.iso8583.spec.FieldType.XN;
import static io.escrowkit.iso8583.spec.FieldType.Z;
import static io.escrowkit.iso8583.spec.LengthKind.LL;
import static io.escrowkit.iso8583.spec.LengthKind.LLL;
import static io.escrowkit.iso8583.spec.LengthKind.LLLL;

import io.escrowkit.iso8583.spec.BitmapEncoding;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.LengthEncoding;
import io.escrowkit.iso8583.spec.MtiEncoding;
import io.escrowkit.iso8583.spec.SubfieldSpec;
import io.escrowkit.iso8583.spec.ValueEncoding;
import java.nio.charset.Charset;

/** Specs built for tests. */
public final class TestSpecs {

  private TestSpecs() {}

  /**
   * One spec using every encoding at least once: EBCDIC MTI, hex-EBCDIC tertiary bitmaps, every
   * length encoding, LLLL, F-padded BCD, BCD amounts, GBK, hex-EBCDIC binary, TLV.
   */
  public static IsoSpec everyEncoding() {
    return IsoSpec.builder("every-encoding")
        .mti(MtiEncoding.EBCDIC)
        .bitmap(BitmapEncoding.HEX_EBCDIC, 3)
        .tpdu()
        .headerLength(2)
        .field(
            FieldSpec.variable(
                2, N, LL, 19, ValueEncoding.BCD_RIGHT_PADDED_F, LengthEncoding.BINARY))
        .field(
            FieldSpec.fixed(3, N, 6, ValueEncoding.EBCDIC)
                .withSubfields(new SubfieldSpec(1, "a", N, 2), new SubfieldSpec(2, "b", N, 4)))
        .field(FieldSpec.fixed(4, XN, 9, ValueEncoding.BCD_LEFT_PADDED))
        .field(FieldSpec.variable(5, XN, LL, 12, ValueEncoding.EBCDIC, LengthEncoding.EBCDIC))
        .field(FieldSpec.variable(6, Z, LLL, 104, ValueEncoding.ASCII, LengthEncoding.BCD))
        .field(
            FieldSpec.variable(7, ANS, LLLL, 2000, ValueEncoding.ASCII, LengthEncoding.ASCII)
                .withCharset(Charset.forName("GBK")))
        .field(FieldSpec.variable(8, B, LL, 50, ValueEncoding.HEX_EBCDIC, LengthEncoding.EBCDIC))
        .field(FieldSpec.fixed(9, B, 4, ValueEncoding.HEX_ASCII))
        .field(FieldSpec.fixed(10, AN, 10, ValueEncoding.EBCDIC))
        .field(FieldSpec.fixed(11, N, 7, ValueEncoding.BCD_RIGHT_PADDED_F))
        .field(
            FieldSpec.variable(66, B, LLL, 300, ValueEncoding.BINARY, LengthEncoding.BINARY)
                .withTlv())
        .field(FieldSpec.fixed(100, Z, 5, ValueEncoding.BCD_LEFT_PADDED))
        .field(FieldSpec.variable(130, ANS, LL, 20, ValueEncoding.EBCDIC, LengthEncoding.BINARY))
        .field(FieldSpec.variable(192, N, LLLL, 40, ValueEncoding.ASCII, LengthEncoding.ASCII))
        .build();
  }
}
