package io.escrowkit.iso8583.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.internal.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlvParserTest {

  private static List<Tlv> parse(String hex) {
    return TlvParser.withDefaults().parse(Hex.parse(hex, "input"));
  }

  private static void assertRefused(String hex, int offset, String reason) {
    assertThatThrownBy(() -> parse(hex))
        .isInstanceOfSatisfying(
            IsoFormatException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(offset);
              assertThat(e.reason()).contains(reason);
            });
  }

  @Test
  void parsesMultiByteTagsAndShortLengths() {
    List<Tlv> out = parse("9F0206000000001000" + "5F2A020156" + "9C0103");
    assertThat(out).extracting(Tlv::tagHex).containsExactly("9F02", "5F2A", "9C");
    assertThat(out.get(0).valueHex()).isEqualTo("000000001000");
    assertThat(out.get(1).tag()).isEqualTo(0x5F2A);
  }

  @Test
  void parsesThreeByteTags() {
    assertThat(parse("DF810102ABCD").get(0).tag()).isEqualTo(0xDF8101);
  }

  @Test
  void parsesLongFormLengths() {
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      value.append("AB");
    }
    List<Tlv> out = parse("9F1081C8" + value);
    assertThat(out.get(0).length()).isEqualTo(200);
    assertThat(parse("5A820003112233").get(0).length()).isEqualTo(3);
  }

  @Test
  void parsesConstructedTagsRecursively() {
    List<Tlv> out =
        parse("7010" + "9F2701" + "80" + "71" + "0A" + "86" + "08" + "8424000008AABBCC");
    Tlv template = out.get(0);
    assertThat(template.isConstructed()).isTrue();
    assertThat(template.children()).extracting(Tlv::tagHex).containsExactly("9F27", "71");
    assertThat(template.find(0x86))
        .hasValueSatisfying(t -> assertThat(t.valueHex()).isEqualTo("8424000008AABBCC"));
    assertThat(Tlv.find(out, 0x9F99)).isEmpty();
  }

  @Test
  void keepsAConstructedTagThatHoldsPlainBytesAsAValue() {
    // UnionPay's e-signature data: FF00 (private, constructed by its first byte) holding text.
    List<Tlv> out = parse("FF0003" + "313233" + "FF2402" + "9C01" + "9C0103");
    assertThat(out).extracting(Tlv::tagHex).containsExactly("FF00", "FF24", "9C");
    assertThat(out.get(0).children()).isEmpty();
    assertThat(out.get(0).valueHex()).isEqualTo("313233");
    assertThat(out.get(1).valueHex()).isEqualTo("9C01");
    assertThat(out.get(2).valueHex()).isEqualTo("03");
  }

  @Test
  void anEmvTemplateThatDoesNotParseIsRefusedNotKeptAsAValue() {
    // 70 holding a PAN (5A) then a broken object: shown as a value, it would bypass masking.
    assertRefused("700C" + "5A0862258800123456789F02", 12, "no length");
  }

  @Test
  void aLimitPassedInsideAConstructedTagIsStillRefused() {
    TlvParser strict = TlvParser.withLimits(8, 2);
    assertThatThrownBy(() -> strict.parse(Hex.parse("7009" + "9C0103" + "9C0103" + "9C0103", "x")))
        .hasMessageContaining("more than 2 data objects");
  }

  @Test
  void skipsZeroPaddingBetweenObjects() {
    assertThat(parse("00009C010300")).extracting(Tlv::tagHex).containsExactly("9C");
  }

  @Test
  void refusesValueLongerThanTheInput() {
    assertRefused("9F020600000000", 0, "tag 9F02 declares 6 bytes, 4 remain");
  }

  @Test
  void refusesHugeDeclaredLengthWithoutAllocating() {
    assertRefused("9F02847FFFFFF0AA", 0, "declares 2147483632 bytes, 1 remain");
    assertRefused("9F0284FFFFFFFFAA", 2, "too large");
  }

  @Test
  void refusesIndefiniteAndOverlongLengths() {
    assertRefused("708000", 1, "indefinite");
    assertRefused("9F02850000000001AA", 2, "length takes 5 bytes; at most 4");
    assertRefused("9F0282", 2, "needs 2 more bytes");
  }

  @Test
  void refusesTruncatedTagsAndMissingLengths() {
    assertRefused("9F", 0, "following bytes are missing");
    assertRefused("9F02", 0, "has no length");
    assertRefused("9F8181818101", 0, "longer than 4 bytes");
  }

  @Test
  void refusesNestingBeyondTheLimit() {
    String inner = "9C0103";
    for (int i = 0; i < 9; i++) {
      inner = "70" + String.format("%02X", inner.length() / 2) + inner;
    }
    String nested = inner;
    assertThatThrownBy(() -> parse(nested)).hasMessageContaining("nested deeper than 8");
  }

  @Test
  void refusesMoreObjectsThanTheLimit() {
    TlvParser strict = TlvParser.withLimits(8, 2);
    assertThatThrownBy(() -> strict.parse(Hex.parse("9C01039C01039C0103", "x")))
        .hasMessageContaining("more than 2 data objects");
  }

  @Test
  void toStringShowsNoValues() {
    Tlv pan = Tlv.ofHex(0x5A, "6225880012345678");
    assertThat(pan.toString()).isEqualTo("Tlv[5A, 8 bytes]");
  }
}
