package io.escrowkit.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.internal.Hex;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.LengthEncoding;
import io.escrowkit.iso8583.spec.LengthKind;
import io.escrowkit.iso8583.spec.ValueEncoding;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Text fields carry a charset and their lengths count bytes on the wire. */
class CharsetFieldsTest {

  private static final Charset GBK = Charset.forName("GBK");
  private final IsoSpec cup = Specs.unionPayPos();
  private final IsoCodec codec = IsoCodec.of(cup);

  private IsoMessage.Builder cupMessage() {
    return IsoMessage.builder(cup)
        .tpdu(SampleMessages.TPDU)
        .header(SampleMessages.HEADER)
        .mti("0110");
  }

  @Test
  void merchantNameInFieldFortyThreeIsGbkSpacePadded() {
    String name = "北京测试商户 Beijing";
    byte[] bytes = codec.encode(cupMessage().set(43, name).build());
    DecodedMessage d = codec.decode(bytes);

    byte[] wire = Arrays.copyOfRange(bytes, d.valueOffset(43), d.valueOffset(43) + 40);
    byte[] gbk = name.getBytes(GBK);
    assertThat(gbk).hasSize(20);
    assertThat(Arrays.copyOf(wire, 20)).isEqualTo(gbk);
    assertThat(Arrays.copyOfRange(wire, 20, 40)).containsOnly((byte) ' ');
    assertThat(d.readString(43)).isEqualTo(name);
  }

  @Test
  void fieldSixtyThreeLengthPrefixCountsGbkBytes() {
    String text = "CUP银联卡";
    byte[] bytes = codec.encode(cupMessage().set(63, text).build());
    DecodedMessage d = codec.decode(bytes);
    int prefix = d.fieldOffset(63);
    assertThat(Hex.toHex(bytes, prefix, 2)).isEqualTo("0009");
    assertThat(d.valueLength(63)).isEqualTo(9);
    assertThat(d.readString(63)).isEqualTo(text);
  }

  /**
   * Hosts and terminals in the field put terminal information and host text in 46, 47, 56 and 57
   * (ISO 8583:1987's ans...999 fields, with UnionPay's two-byte BCD length); a message that carries
   * them must decode, and the ones after them too.
   */
  @Test
  void isoAdditionalAndReservedFieldsDecodeWithTheFieldsAfterThem() {
    IsoMessage m = cupMessage()
        .set(39, "00")
        .set(46, "PI04TEST")
        .set(47, "Additional data - national")
        .set(56, "成功")
        .set(57, "Reserved national")
        .set(60, "22000001")
        .build();
    byte[] bytes = codec.encode(m);
    DecodedMessage d = codec.decode(bytes);

    assertThat(Hex.toHex(bytes, d.fieldOffset(46), 2)).isEqualTo("0008");
    assertThat(Hex.toHex(bytes, d.fieldOffset(56), 2)).isEqualTo("0004");
    assertThat(d.readString(46)).isEqualTo("PI04TEST");
    assertThat(d.readString(47)).isEqualTo("Additional data - national");
    assertThat(d.readString(56)).isEqualTo("成功");
    assertThat(d.readString(57)).isEqualTo("Reserved national");
    assertThat(d.readString(60)).isEqualTo("22000001");
  }

  @Test
  void ebcdicFieldsUseCodePage1047() {
    IsoSpec spec =
        IsoSpec.builder("ebcdic")
            .field(FieldSpec.fixed(41, FieldType.ANS, 8, ValueEncoding.EBCDIC))
            .field(
                FieldSpec.variable(
                    44,
                    FieldType.ANS,
                    LengthKind.LL,
                    25,
                    ValueEncoding.EBCDIC,
                    LengthEncoding.EBCDIC))
            .build();
    IsoCodec ebcdic = IsoCodec.of(spec);
    IsoMessage m = IsoMessage.builder(spec).mti("0200").set(41, "T1").set(44, "[Ok]").build();
    byte[] bytes = ebcdic.encode(m);
    DecodedMessage d = ebcdic.decode(bytes);

    assertThat(Hex.toHex(bytes, d.valueOffset(41), 8)).isEqualTo("E3F1404040404040");
    assertThat(Hex.toHex(bytes, d.fieldOffset(44), 6)).isEqualTo("F0F4" + "ADD692BD");
    assertThat(d.readString(41)).isEqualTo("T1");
    assertThat(d.readString(44)).isEqualTo("[Ok]");
    byte[] jdk = "[Ok]".getBytes(Charset.forName("IBM1047"));
    assertThat(Arrays.copyOfRange(bytes, d.valueOffset(44), d.valueOffset(44) + 4)).isEqualTo(jdk);
  }
}
