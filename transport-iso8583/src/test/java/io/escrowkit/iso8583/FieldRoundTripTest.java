package io.escrowkit.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.spec.BitmapEncoding;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.LengthEncoding;
import io.escrowkit.iso8583.spec.LengthKind;
import io.escrowkit.iso8583.spec.MtiEncoding;
import io.escrowkit.iso8583.spec.ValueEncoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Every valid combination of type, length kind, value encoding, length encoding and charset round
 * trips: encode then decode gives the value back (with the documented padding rules), as text and,
 * for numbers, as a long.
 */
class FieldRoundTripTest {

  private static final Charset GBK = Charset.forName("GBK");

  /** Every definition the spec model accepts, with a few maximum lengths each. */
  static List<FieldSpec> allCombinations() {
    List<FieldSpec> out = new ArrayList<>();
    for (FieldType type : FieldType.values()) {
      for (LengthKind kind : LengthKind.values()) {
        for (ValueEncoding enc : ValueEncoding.values()) {
          for (LengthEncoding len : LengthEncoding.values()) {
            for (Charset cs :
                new Charset[] {StandardCharsets.US_ASCII, GBK, StandardCharsets.ISO_8859_1}) {
              for (int max : new int[] {1, 2, 7, 19, 99, 300}) {
                try {
                  out.add(
                      new FieldSpec(
                          7, "", type, kind, max, enc, len, cs, Collections.emptyList(), false));
                } catch (IsoSpecException invalidCombination) {
                  // the model refuses it; nothing to round-trip
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  @net.jqwik.api.Example
  void combinationsCoverEveryTypeKindAndEncoding() {
    List<FieldSpec> all = allCombinations();
    assertThat(all).extracting(FieldSpec::type).contains(FieldType.values());
    assertThat(all).extracting(FieldSpec::lengthKind).contains(LengthKind.values());
    assertThat(all).extracting(FieldSpec::valueEncoding).contains(ValueEncoding.values());
    assertThat(all).extracting(FieldSpec::lengthEncoding).contains(LengthEncoding.values());
    assertThat(all).extracting(FieldSpec::charset).contains(GBK);
    assertThat(all).hasSizeGreaterThan(500);
  }

  @Provide
  Arbitrary<Tuple2<FieldSpec, String>> fieldAndValue() {
    return Arbitraries.of(allCombinations())
        .flatMap(f -> ValueGenerators.valid(f).map(v -> Tuple.of(f, v)));
  }

  private static IsoSpec specWith(FieldSpec f, MtiEncoding mti, BitmapEncoding bitmap) {
    return IsoSpec.builder("combination").mti(mti).bitmap(bitmap, 1).field(f).build();
  }

  @Property(tries = 3000)
  void everyCombinationRoundTripsText(
      @ForAll("fieldAndValue") Tuple2<FieldSpec, String> c,
      @ForAll MtiEncoding mti,
      @ForAll BitmapEncoding bitmap) {
    FieldSpec f = c.get1();
    IsoSpec spec = specWith(f, mti, bitmap);
    IsoMessage m = IsoMessage.builder(spec).mti("0200").set(7, c.get2()).build();
    IsoCodec codec = IsoCodec.of(spec);
    byte[] bytes = codec.encode(m);

    DecodedMessage d = codec.decode(bytes);

    assertThat(d.mti()).isEqualTo("0200");
    assertThat(d.fields()).containsExactly(7);
    assertThat(d.readString(7)).as(f.describe()).isEqualTo(ValueGenerators.expected(f, c.get2()));
    assertThat(codec.encode(d.toMessage())).isEqualTo(bytes);
  }

  @Property(tries = 1000)
  void numericCombinationsRoundTripLongs(
      @ForAll("fieldAndValue") Tuple2<FieldSpec, String> c, @ForAll long number) {
    FieldSpec f = c.get1();
    if (!ValueGenerators.takesLong(f)) {
      return;
    }
    boolean signed = f.type() == FieldType.XN;
    int digits = Math.min(18, f.maxLength() - (signed ? 1 : 0));
    long bound = (long) Math.pow(10, digits);
    long value = Math.floorMod(number, bound) * (signed && number < 0 ? -1 : 1);
    IsoSpec spec = specWith(f, MtiEncoding.ASCII, BitmapEncoding.BINARY);
    IsoCodec codec = IsoCodec.of(spec);

    byte[] bytes = codec.encode(IsoMessage.builder(spec).mti("0200").set(7, value).build());

    assertThat(codec.decode(bytes).readLong(7)).as(f.describe()).isEqualTo(value);
  }
}
