package io.escrowkit.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.internal.Hex;
import io.escrowkit.iso8583.spec.BitmapEncoding;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.MtiEncoding;
import io.escrowkit.iso8583.spec.ValueEncoding;
import org.junit.jupiter.api.Test;

class IsoSpecTest {

  private static FieldSpec n(int number, int length) {
    return FieldSpec.fixed(number, FieldType.N, length, ValueEncoding.ASCII);
  }

  @Test
  void fieldDefinedTwiceIsRefused() {
    assertThatThrownBy(() -> IsoSpec.builder("x").field(n(3, 6)).field(n(3, 6)))
        .isInstanceOf(IsoSpecException.class)
        .hasMessage("spec 'x': field 3 is defined twice");
  }

  @Test
  void settingGivenTwiceIsRefused() {
    assertThatThrownBy(() -> IsoSpec.builder("x").mti(MtiEncoding.BCD).mti(MtiEncoding.ASCII))
        .hasMessage("spec 'x': mti was already set");
  }

  @Test
  void fieldBeyondTheBitmapsIsRefused() {
    assertThatThrownBy(
            () -> IsoSpec.builder("x").bitmap(BitmapEncoding.BINARY, 1).field(n(70, 3)).build())
        .hasMessageContaining("field 70 needs more than 1 bitmap");
    assertThatThrownBy(
            () -> IsoSpec.builder("x").bitmap(BitmapEncoding.BINARY, 3).field(n(65, 1)).build())
        .hasMessageContaining("field 65 flags the tertiary bitmap");
  }

  @Test
  void toBuilderDerivesAVariantWithoutChangingTheOriginal() {
    IsoSpec base = Specs.unionPayPos();
    IsoSpec variant = base.toBuilder().replaceField(n(11, 6)).removeField(63).build();
    assertThat(variant.field(11).orElseThrow().valueEncoding()).isEqualTo(ValueEncoding.ASCII);
    assertThat(variant.field(63)).isEmpty();
    assertThat(base.field(63)).isPresent();
    assertThat(variant.hasTpdu()).isTrue();
    assertThat(variant).isNotEqualTo(base);
    assertThat(base.toBuilder().build()).isEqualTo(base).hasSameHashCodeAs(base);
  }

  @Test
  void secondaryBitmapIsWrittenOnlyWhenNeeded() {
    IsoSpec spec = Specs.iso87Binary();
    IsoCodec codec = IsoCodec.of(spec);
    byte[] primary = codec.encode(IsoMessage.builder(spec).mti("0800").set(11, "000001").build());
    assertThat(Hex.toHex(primary)).isEqualTo("0800" + "0020000000000000" + "000001");
    byte[] both = codec.encode(IsoMessage.builder(spec).mti("0800").set(70, "301").build());
    assertThat(Hex.toHex(both))
        .isEqualTo("0800" + "8000000000000000" + "0400000000000000" + "0301");
    assertThat(codec.decode(both).readString(70)).isEqualTo("301");
  }

  @Test
  void tertiaryBitmapIsFlaggedByBit65() {
    IsoSpec spec =
        IsoSpec.builder("three")
            .mti(MtiEncoding.ASCII)
            .bitmap(BitmapEncoding.HEX_ASCII, 3)
            .field(n(150, 2))
            .field(n(3, 6))
            .build();
    IsoCodec codec = IsoCodec.of(spec);
    byte[] bytes =
        codec.encode(IsoMessage.builder(spec).mti("0200").set(3, "1").set(150, 7L).build());
    String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(text)
        .isEqualTo(
            "0200"
                + "A000000000000000"
                + "8000000000000000"
                + "0000040000000000"
                + "000001"
                + "07");
    DecodedMessage d = codec.decode(bytes);
    assertThat(d.fields()).containsExactly(3, 150);
    assertThat(d.readLong(150)).isEqualTo(7L);
    assertThat(d.has(65)).isFalse();
  }

  @Test
  void builtInsAreFoundByName() {
    assertThat(Specs.builtIn("CUP")).containsSame(Specs.unionPayPos());
    assertThat(Specs.builtIn("unionpay")).containsSame(Specs.unionPayPos());
    assertThat(Specs.builtIn("iso93")).isEmpty();
    assertThat(Specs.unionPayPos().toString())
        .isEqualTo("IsoSpec[cup: MTI BCD, 1 BINARY bitmap(s), TPDU, header 6, 39 fields]");
  }
}
