package io.escrowkit.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class EncodeValidationTest {

  private final IsoMessage.Builder ascii = IsoMessage.builder(Specs.iso87Ascii()).mti("0200");
  private final IsoMessage.Builder cup = IsoMessage.builder(Specs.unionPayPos());

  @Test
  void nonDigitInNumericFieldNamesFieldAndPosition() {
    assertThatThrownBy(() -> ascii.set(3, "03A000"))
        .isInstanceOfSatisfying(IsoValueException.class, e -> assertThat(e.field()).isEqualTo(3))
        .hasMessageContaining("field 3")
        .hasMessageContaining("position 2")
        .hasMessageContaining("decimal digit");
  }

  @Test
  void valueOverMaximumLengthNamesFieldAndLimit() {
    assertThatThrownBy(() -> ascii.set(2, "62258800123456789012"))
        .isInstanceOfSatisfying(IsoValueException.class, e -> assertThat(e.field()).isEqualTo(2))
        .hasMessageContaining("field 2")
        .hasMessageContaining("exceeds the maximum 19");
  }

  @Test
  void errorsNeverRepeatTheValue() {
    assertThatThrownBy(() -> ascii.set(2, "6225880012345678901X"))
        .hasMessageNotContaining("6225880012345678901");
  }

  @Test
  void missingMtiIsRefusedOnBuild() {
    assertThatThrownBy(() -> IsoMessage.builder(Specs.iso87Ascii()).set(3, "000000").build())
        .isInstanceOfSatisfying(
            IsoValueException.class, e -> assertThat(e.field()).isEqualTo(IsoException.MTI))
        .hasMessage("MTI: is missing");
  }

  @Test
  void mtiMustBeFourDigits() {
    assertThatThrownBy(() -> ascii.mti("01000"))
        .hasMessage("MTI: must be exactly four decimal digits");
    assertThatThrownBy(() -> ascii.mti("01A0")).isInstanceOf(IsoValueException.class);
  }

  @Test
  void fieldNotInSpecIsRefused() {
    assertThatThrownBy(() -> cup.set(70, "301"))
        .isInstanceOfSatisfying(IsoValueException.class, e -> assertThat(e.field()).isEqualTo(70))
        .hasMessageContaining("not defined by spec 'cup'");
  }

  @Test
  void bitmapFieldCannotBeSet() {
    assertThatThrownBy(() -> ascii.set(1, "00")).hasMessageContaining("bitmap indicator");
  }

  @Test
  void tpduAndHeaderAreRequiredWhereTheSpecHasThem() {
    assertThatThrownBy(() -> cup.mti("0800").build())
        .isInstanceOfSatisfying(
            IsoValueException.class, e -> assertThat(e.field()).isEqualTo(IsoException.TPDU));
    assertThatThrownBy(() -> cup.mti("0800").tpdu(SampleMessages.TPDU).build())
        .hasMessageContaining("header: is missing");
    assertThatThrownBy(() -> cup.tpdu(new byte[4])).hasMessage("TPDU: must be 5 bytes, was 4");
    assertThatThrownBy(() -> ascii.tpdu(new byte[5])).hasMessageContaining("has no TPDU");
  }

  @Test
  void fixedBinaryMustBeExact() {
    assertThatThrownBy(() -> ascii.set(52, new byte[7]))
        .hasMessageContaining("field 52")
        .hasMessageContaining("exactly 8");
    assertThatThrownBy(() -> ascii.set(52, "XYZ")).hasMessageContaining("hex digits");
  }

  @Test
  void negativeNumberInNumericFieldIsRefused() {
    assertThatThrownBy(() -> ascii.set(4, -5L)).hasMessageContaining("negative");
  }

  @Test
  void numberOnTextFieldIsRefused() {
    assertThatThrownBy(() -> ascii.set(41, 5L)).hasMessageContaining("field 41");
  }

  @Test
  void anFieldRefusesPunctuation() {
    assertThatThrownBy(() -> ascii.set(39, "0-")).hasMessageContaining("letter, digit or space");
  }

  @Test
  void usAsciiFieldRefusesNonAscii() {
    assertThatThrownBy(() -> ascii.set(43, "Café"))
        .hasMessageContaining("cannot be encoded in US-ASCII");
  }

  @Test
  void gbkFieldCountsBytesNotCharacters() {
    String twentyChinese = "银联商户北京上海测试店银联商户北京上海测试店".substring(0, 20);
    cup.set(43, twentyChinese);
    assertThatThrownBy(() -> cup.set(43, twentyChinese + "店"))
        .hasMessageContaining("length 42 exceeds the maximum 40");
  }

  @Test
  void gbkFieldRefusesUnmappableCharacters() {
    assertThatThrownBy(() -> cup.set(43, "shop \uD83D\uDE00"))
        .hasMessageContaining("GBK cannot encode");
    assertThat(Charset.forName("GBK").newEncoder().canEncode('店')).isTrue();
  }

  @Test
  void subfieldsArePaddedAndChecked() {
    IsoMessage m =
        cup.tpdu(SampleMessages.TPDU)
            .header(SampleMessages.HEADER)
            .mti("0100")
            .setSubfields(60, "10", "1", "0")
            .build();
    assertThat(m.get(60)).contains("10000001000");
    assertThatThrownBy(() -> cup.setSubfields(60, "100")).hasMessageContaining("60.1");
    assertThatThrownBy(() -> cup.setSubfields(4, "1")).hasMessageContaining("has no subfields");
  }

  @Test
  void builderReuseDoesNotChangeBuiltMessages() {
    IsoMessage first = ascii.set(11, "000001").build();
    ascii.set(11, "000002");
    assertThat(first.get(11)).contains("000001");
    assertThat(ascii.build().get(11)).contains("000002");
  }

  @Test
  void encodingIntoTooSmallBufferWritesNothing() {
    IsoMessage m = ascii.set(11, "000001").build();
    byte[] out = new byte[m.encodedLength() - 1];
    assertThatThrownBy(() -> IsoCodec.of(Specs.iso87Ascii()).encode(m, out, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(out).containsOnly(0);
  }

  @Test
  void codecRefusesMessageOfAnotherSpec() {
    IsoMessage m = ascii.build();
    assertThatThrownBy(() -> IsoCodec.of(Specs.iso87Binary()).encode(m))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("iso87ascii");
  }

  @Test
  void toStringShowsNoValues() {
    IsoMessage m = ascii.set(2, SampleMessages.TEST_PAN).build();
    assertThat(m.toString()).doesNotContain(SampleMessages.TEST_PAN).contains("[2]");
  }
}
