package io.escrowkit.iso8583.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.IsoSpecException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldSpecTest {

  @Test
  void maximumThePrefixCannotExpressIsRefused() {
    assertThatThrownBy(
            () ->
                FieldSpec.variable(
                    2, FieldType.N, LengthKind.LL, 100, ValueEncoding.ASCII, LengthEncoding.ASCII))
        .isInstanceOf(IsoSpecException.class)
        .hasMessage("field 2: maximum 100 does not fit a LL ASCII prefix");
    assertThat(
            FieldSpec.variable(
                    2, FieldType.B, LengthKind.LL, 255, ValueEncoding.BINARY, LengthEncoding.BINARY)
                .maxLength())
        .isEqualTo(255);
  }

  @Test
  void encodingMustSuitTheType() {
    assertThatThrownBy(() -> FieldSpec.fixed(41, FieldType.ANS, 8, ValueEncoding.BCD_LEFT_PADDED))
        .hasMessageContaining("field 41")
        .hasMessageContaining("cannot use BCD_LEFT_PADDED");
    assertThatThrownBy(() -> FieldSpec.fixed(52, FieldType.B, 8, ValueEncoding.ASCII))
        .hasMessageContaining("field 52");
  }

  @Test
  void charsetOnlyOnAsciiText() {
    assertThatThrownBy(
            () ->
                FieldSpec.fixed(4, FieldType.N, 12, ValueEncoding.ASCII)
                    .withCharset(StandardCharsets.UTF_8))
        .hasMessageContaining("only to an/ans");
    assertThatThrownBy(
            () ->
                FieldSpec.fixed(43, FieldType.ANS, 40, ValueEncoding.ASCII)
                    .withCharset(StandardCharsets.UTF_16))
        .hasMessageContaining("not ASCII-compatible");
  }

  @Test
  void fixedFieldHasNoPrefixAndVariableNeedsOne() {
    assertThatThrownBy(
            () ->
                new FieldSpec(
                    3,
                    "",
                    FieldType.N,
                    LengthKind.FIXED,
                    6,
                    ValueEncoding.ASCII,
                    LengthEncoding.BCD,
                    StandardCharsets.US_ASCII,
                    java.util.Collections.emptyList(),
                    false))
        .hasMessageContaining("no length prefix");
    assertThatThrownBy(
            () ->
                FieldSpec.variable(
                    2, FieldType.N, LengthKind.LL, 19, ValueEncoding.ASCII, LengthEncoding.NONE))
        .hasMessageContaining("needs a length encoding");
  }

  @Test
  void subfieldsMustBeInOrderAndFit() {
    FieldSpec f = FieldSpec.fixed(3, FieldType.N, 6, ValueEncoding.ASCII);
    assertThatThrownBy(() -> f.withSubfields(new SubfieldSpec(2, "x", FieldType.N, 2)))
        .hasMessageContaining("numbered 1, 2, 3");
    assertThatThrownBy(() -> f.withSubfields(new SubfieldSpec(1, "x", FieldType.N, 7)))
        .hasMessageContaining("more than the maximum 6");
    assertThatThrownBy(() -> f.withSubfields(new SubfieldSpec(1, "x", FieldType.AN, 2)))
        .hasMessageContaining("must be n");
  }

  @Test
  void onlyBinaryFieldsCarryTlv() {
    assertThatThrownBy(() -> FieldSpec.fixed(48, FieldType.ANS, 8, ValueEncoding.ASCII).withTlv())
        .hasMessageContaining("only a binary");
  }

  @Test
  void numbersRunFromTwoTo192() {
    assertThatThrownBy(() -> FieldSpec.fixed(1, FieldType.N, 6, ValueEncoding.ASCII))
        .hasMessageContaining("2 to 192");
    assertThatThrownBy(() -> FieldSpec.fixed(193, FieldType.N, 6, ValueEncoding.ASCII))
        .hasMessageContaining("2 to 192");
  }

  @Test
  void describeUsesIsoNotation() {
    assertThat(
            FieldSpec.variable(
                    2,
                    FieldType.N,
                    LengthKind.LL,
                    19,
                    ValueEncoding.BCD_RIGHT_PADDED,
                    LengthEncoding.BCD)
                .describe())
        .isEqualTo("n..19 LL/BCD BCD_RIGHT_PADDED");
    assertThat(FieldSpec.fixed(28, FieldType.XN, 9, ValueEncoding.ASCII).describe())
        .isEqualTo("x+n9 ASCII");
  }
}
