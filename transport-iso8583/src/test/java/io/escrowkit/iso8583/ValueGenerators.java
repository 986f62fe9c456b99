package io.escrowkit.iso8583;

import io.escrowkit.iso8583.internal.Hex;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid values for any field definition, and what decoding them must give back. */
public final class ValueGenerators {

  private static final String TRACK = "0123456789:;<=>?";
  private static final String CHINESE = "银联商户北京上海测试店";

  private ValueGenerators() {}

  /** A value that fits the field, as text to pass to {@code set(field, String)}. */
  public static Arbitrary<String> valid(FieldSpec f) {
    int max = f.maxLength();
    int min = f.isFixed() ? 1 : 0;
    switch (f.type()) {
      case N:
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
      case Z:
        int zMin = f.isFixed() ? max : 0;
        return Arbitraries.strings().withChars(TRACK + "D").ofMinLength(zMin).ofMaxLength(max);
      case XN:
        return Combinators.combine(
                Arbitraries.of("C", "D"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(max - 1))
            .as(String::concat);
      case AN:
        return Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars(' ')
            .ofMinLength(min)
            .ofMaxLength(max);
      case ANS:
        if (!f.charset().equals(StandardCharsets.US_ASCII)
            && !f.charset().equals(StandardCharsets.ISO_8859_1)) {
          return Arbitraries.strings()
              .withCharRange(' ', '~')
              .withChars(CHINESE)
              .ofMinLength(min)
              .ofMaxLength(max)
              .filter(s -> s.getBytes(f.charset()).length <= max);
        }
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(min).ofMaxLength(max);
      default:
        int bMin = f.isFixed() ? max : 0;
        return Arbitraries.bytes()
            .array(byte[].class)
            .ofMinSize(bMin)
            .ofMaxSize(max)
            .map(Hex::toHex);
    }
  }

  /** What reading a field set to {@code value} must return. */
  public static String expected(FieldSpec f, String value) {
    switch (f.type()) {
      case N:
        return f.isFixed() ? zeros(f.maxLength() - value.length()) + value : value;
      case XN:
        return f.isFixed()
            ? value.charAt(0) + zeros(f.maxLength() - value.length()) + value.substring(1)
            : value;
      case Z:
        return f.valueEncoding().isBcd() ? value.replace('D', '=') : value;
      case AN:
      case ANS:
        return f.isFixed() ? stripTrailingSpaces(value) : value;
      default:
        return value.toUpperCase(java.util.Locale.ROOT);
    }
  }

  static String zeros(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append('0');
    }
    return sb.toString();
  }

  static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  /** A message with a random subset of the spec's fields, each with a random valid value. */
  public static IsoMessage randomMessage(IsoSpec spec, java.util.Random rnd) {
    IsoMessage.Builder b = IsoMessage.builder(spec).mti(String.format("%04d", rnd.nextInt(10000)));
    if (spec.hasTpdu()) {
      b.tpdu(randomBytes(rnd, 5));
    }
    if (spec.headerLength() > 0) {
      b.header(randomBytes(rnd, spec.headerLength()));
    }
    java.util.List<FieldSpec> fields = spec.fields();
    int count = 1 + rnd.nextInt(Math.min(20, fields.size()));
    for (int i = 0; i < count; i++) {
      FieldSpec f = fields.get(rnd.nextInt(fields.size()));
      b.set(f.number(), valid(f).generator(1).next(rnd).value());
    }
    return b.build();
  }

  private static byte[] randomBytes(java.util.Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  /** Whether a field type takes numbers through {@code set(field, long)}. */
  public static boolean takesLong(FieldSpec f) {
    return f.type() == FieldType.N || f.type() == FieldType.XN;
  }
}
