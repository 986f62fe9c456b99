package io.escrowkit.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.internal.Hex;
import io.escrowkit.iso8583.spec.FieldSpec;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class IsoCodecRoundTripTest {

  @Test
  void unionPayPreAuthRoundTripsEveryField() {
    IsoSpec spec = Specs.unionPayPos();
    IsoMessage m = SampleMessages.preAuth(spec);
    IsoCodec codec = IsoCodec.of(spec);
    byte[] bytes = codec.encode(m);
    assertThat(bytes).hasSize(m.encodedLength());

    DecodedMessage d = codec.decode(bytes);
    assertThat(d.mti()).isEqualTo("0100");
    assertThat(d.tpdu()).isEqualTo(SampleMessages.TPDU);
    assertThat(d.header()).isEqualTo(SampleMessages.HEADER);
    assertThat(d.fields()).containsExactly(m.fields());
    assertThat(d.readString(2)).isEqualTo(SampleMessages.TEST_PAN);
    assertThat(d.readLong(4)).isEqualTo(1000L);
    assertThat(d.readString(4)).isEqualTo("000000001000");
    assertThat(d.readString(35)).isEqualTo(SampleMessages.TEST_TRACK2);
    assertThat(d.readBytes(55)).isEqualTo(SampleMessages.emvData());
    assertThat(d.readSubfield(60, 2)).isEqualTo("000001");
    assertThat(d.readBytes(64)).isEqualTo(SampleMessages.TEST_MAC);
  }

  @Test
  void unionPayLayoutIsTpduHeaderBcdMtiBinaryBitmap() {
    IsoSpec spec = Specs.unionPayPos();
    IsoMessage m =
        IsoMessage.builder(spec)
            .tpdu(SampleMessages.TPDU)
            .header(SampleMessages.HEADER)
            .mti("0800")
            .set(11, "000001")
            .set(41, "TERM0001")
            .set(42, "898440358120001")
            .setSubfields(60, "00", "000001", "003")
            .build();
    String hex = Hex.toHex(IsoCodec.of(spec).encode(m));
    assertThat(hex)
        .isEqualTo(
            "6000030000"
                + "603100310000"
                + "0800"
                + "0020000000C00010"
                + "000001"
                + Hex.toHex("TERM0001".getBytes())
                + Hex.toHex("898440358120001".getBytes())
                + "0011"
                + "0000000100"
                + "30");
  }

  @Test
  void everyBuiltInSpecRoundTripsThePreAuth() {
    for (String name : Specs.builtInNames()) {
      IsoSpec spec = Specs.builtIn(name).orElseThrow();
      IsoMessage m = SampleMessages.preAuth(spec);
      IsoCodec codec = IsoCodec.of(spec);
      byte[] bytes = codec.encode(m);
      DecodedMessage d = codec.decode(bytes);
      Map<Integer, String> all = d.readAll();
      for (int f : m.fields()) {
        if (f == 4) {
          assertThat(all.get(f)).as(name + " field 4").isEqualTo("000000001000");
        } else {
          assertThat(all.get(f)).as(name + " field " + f).isEqualTo(m.get(f).orElseThrow());
        }
      }
      assertThat(codec.encode(d.toMessage())).as(name).isEqualTo(bytes);
    }
  }

  @Property(tries = 300)
  void randomMessagesOfEveryBuiltInSpecRoundTrip(@ForAll long seed) {
    for (String name : Specs.builtInNames()) {
      IsoSpec spec = Specs.builtIn(name).orElseThrow();
      IsoMessage m = ValueGenerators.randomMessage(spec, new Random(seed));
      IsoCodec codec = IsoCodec.of(spec);
      byte[] bytes = codec.encode(m);

      DecodedMessage d = codec.decode(bytes);

      assertThat(d.mti()).isEqualTo(m.mti());
      assertThat(d.tpdu()).isEqualTo(m.tpdu());
      assertThat(d.header()).isEqualTo(m.header());
      assertThat(d.fields()).containsExactly(m.fields());
      for (int f : m.fields()) {
        FieldSpec fs = spec.field(f).orElseThrow();
        assertThat(d.readString(f))
            .as(name + " field " + f)
            .isEqualTo(ValueGenerators.expected(fs, m.get(f).orElseThrow()));
      }
      assertThat(codec.encode(d.toMessage())).isEqualTo(bytes);
    }
  }
}
