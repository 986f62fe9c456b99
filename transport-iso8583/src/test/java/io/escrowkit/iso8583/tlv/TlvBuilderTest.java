package io.escrowkit.iso8583.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.internal.Hex;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TlvBuilderTest {

  @Test
  void buildsTagLengthValueInOrder() {
    byte[] out = TlvBuilder.create().addHex(0x9F02, "000000001000").addHex(0x9C, "03").build();
    assertThat(Hex.toHex(out)).isEqualTo("9F0206000000001000" + "9C0103");
  }

  @Test
  void usesLongFormLengthsFrom128Bytes() {
    byte[] out = TlvBuilder.create().add(0x9F10, new byte[128]).add(0x5A, new byte[300]).build();
    assertThat(Hex.toHex(Arrays.copyOf(out, 4))).isEqualTo("9F108180");
    assertThat(Hex.toHex(Arrays.copyOfRange(out, 132, 136))).isEqualTo("5A82012C");
  }

  @Test
  void buildsConstructedObjects() {
    byte[] out =
        TlvBuilder.create()
            .addConstructed(0x71, TlvBuilder.create().addHex(0x86, "84240000"))
            .build();
    assertThat(Hex.toHex(out)).isEqualTo("7106" + "860484240000");
  }

  @Test
  void refusesMalformedTags() {
    assertThatThrownBy(() -> Tlv.of(0x9F, new byte[0])).hasMessageContaining("following byte");
    assertThatThrownBy(() -> Tlv.of(0x1F80, new byte[0])).hasMessageContaining("bit 8 clear");
    assertThatThrownBy(() -> Tlv.of(0x5A02, new byte[0])).hasMessageContaining("1-byte tag");
    assertThatThrownBy(() -> Tlv.of(0, new byte[0])).hasMessageContaining("padding");
    assertThatThrownBy(() -> Tlv.constructed(0x9C, List.of()))
        .hasMessageContaining("not a constructed");
  }

  @Test
  void valuesAreCopiedInAndOut() {
    byte[] v = {1, 2};
    Tlv t = Tlv.of(0x9C, v);
    v[0] = 9;
    t.value()[1] = 9;
    assertThat(t.valueHex()).isEqualTo("0102");
  }

  @Provide
  Arbitrary<List<Tlv>> objects() {
    Arbitrary<Integer> tags = Arbitraries.of(0x5A, 0x9C, 0x82, 0x9F02, 0x9F26, 0x5F2A, 0xDF8101);
    Arbitrary<Tlv> primitive =
        tags.flatMap(
            tag -> Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(v -> Tlv.of(tag, v)));
    Arbitrary<Tlv> constructed =
        primitive.list().ofMaxSize(4).map(children -> Tlv.constructed(0x70, children));
    return Arbitraries.oneOf(primitive, constructed).list().ofMaxSize(8);
  }

  @Property(tries = 500)
  void buildThenParseIsIdentity(@ForAll("objects") List<Tlv> objects) {
    TlvBuilder b = TlvBuilder.create();
    objects.forEach(b::add);
    assertThat(TlvParser.withDefaults().parse(b.build())).isEqualTo(objects);
  }
}
