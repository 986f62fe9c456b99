package io.escrowkit.iso8583.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.SampleMessages;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.iso8583.TestSpecs;
import io.escrowkit.iso8583.ValueGenerators;
import io.escrowkit.iso8583.internal.Hex;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Mutates valid messages of every built-in spec (byte and bit flips, truncation, insertion,
 * deletion, duplication, corrupted length prefixes and bitmaps) and checks that decoding, reading
 * every field every way, and re-encoding raise nothing but {@link IsoFormatException}; and that
 * whatever decodes re-encodes to the same field values.
 *
 * <p>Each try mutates one valid message {@code 25 × multiplier} times, where the multiplier is the
 * system property {@code iso8583.fuzz.multiplier} (default 1): 3 built-in specs × 2,700 tries × 25
 * = 202,500 inputs per run, plus a synthetic spec using every encoding. A release run: {@code mvn
 * -pl transport-iso8583 -am verify -Dtest=DecodeFuzzTest -Diso8583.fuzz.multiplier=50
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DecodeFuzzTest {

  static final int MULTIPLIER = Integer.getInteger("iso8583.fuzz.multiplier", 1);
  static final int MUTANTS_PER_TRY = 25 * MULTIPLIER;
  static final int TRIES_PER_SPEC = 2700;
  static final AtomicLong BUILT_IN_INPUTS = new AtomicLong();
  static final java.util.Set<String> BUILT_IN_SPECS_RUN =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  static final AtomicLong DECODED = new AtomicLong();
  static final IsoSpec EVERY_ENCODING = TestSpecs.everyEncoding();

  @Property(tries = TRIES_PER_SPEC, shrinking = ShrinkingMode.OFF)
  void unionPayMutantsRaiseOnlyFormatErrors(@ForAll long seed) {
    fuzz(Specs.unionPayPos(), seed, BUILT_IN_INPUTS);
  }

  @Property(tries = TRIES_PER_SPEC, shrinking = ShrinkingMode.OFF)
  void iso87AsciiMutantsRaiseOnlyFormatErrors(@ForAll long seed) {
    fuzz(Specs.iso87Ascii(), seed, BUILT_IN_INPUTS);
  }

  @Property(tries = TRIES_PER_SPEC, shrinking = ShrinkingMode.OFF)
  void iso87BinaryMutantsRaiseOnlyFormatErrors(@ForAll long seed) {
    fuzz(Specs.iso87Binary(), seed, BUILT_IN_INPUTS);
  }

  @Property(tries = 600, shrinking = ShrinkingMode.OFF)
  void everyEncodingMutantsRaiseOnlyFormatErrors(@ForAll long seed) {
    fuzz(EVERY_ENCODING, seed, new AtomicLong());
  }

  @AfterContainer
  static void ranAtLeastTwoHundredThousandInputs() {
    if (BUILT_IN_SPECS_RUN.size() == Specs.builtInNames().size()) {
      assertThat(BUILT_IN_INPUTS.get()).isGreaterThanOrEqualTo(200_000L * MULTIPLIER);
    }
    // Enough mutants must get past structural checks for the value reads to be exercised too.
    assertThat(DECODED.get()).isGreaterThan(BUILT_IN_INPUTS.get() / 20);
  }

  private static void fuzz(IsoSpec spec, long seed, AtomicLong counter) {
    Random rnd = new Random(seed);
    if (counter == BUILT_IN_INPUTS) {
      BUILT_IN_SPECS_RUN.add(spec.name());
    }
    IsoCodec codec = IsoCodec.of(spec);
    IsoMessage valid =
        rnd.nextInt(4) == 0 && Specs.builtIn(spec.name()).isPresent()
            ? SampleMessages.preAuth(spec)
            : ValueGenerators.randomMessage(spec, rnd);
    byte[] bytes = codec.encode(valid);
    DecodedMessage layout = codec.decode(bytes);
    List<Integer> prefixes = new ArrayList<>();
    for (int f = layout.nextField(0); f > 0; f = layout.nextField(f)) {
      if (layout.valueOffset(f) != layout.fieldOffset(f)) {
        prefixes.add(layout.fieldOffset(f));
      }
    }
    int bitmapOffset = layout.mtiOffset() + spec.mtiEncoding().bytes();
    for (int i = 0; i < MUTANTS_PER_TRY; i++) {
      byte[] mutant = Mutations.mutate(bytes, rnd, prefixes, bitmapOffset);
      exercise(codec, mutant);
      counter.incrementAndGet();
    }
  }

  /** Decodes and reads everything; only IsoFormatException may come out. */
  static void exercise(IsoCodec codec, byte[] input) {
    try {
      DecodedMessage d;
      try {
        d = codec.decode(input);
      } catch (IsoFormatException expected) {
        checkReported(expected, input);
        return;
      }
      DECODED.incrementAndGet();
      d.mti();
      d.tpdu();
      d.header();
      for (int f = d.nextField(0); f > 0; f = d.nextField(f)) {
        readEveryWay(d, f, input);
      }
      IsoMessage copy;
      try {
        copy = d.toMessage();
      } catch (IsoFormatException expected) {
        checkReported(expected, input);
        return;
      }
      DecodedMessage again = codec.decode(codec.encode(copy));
      assertThat(again.readAll()).isEqualTo(readAllOrNull(d));
    } catch (IsoFormatException unexpectedPlace) {
      throw new AssertionError("format error outside a read: " + Hex.toHex(input), unexpectedPlace);
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("non-format exception for input " + Hex.toHex(input), e);
    }
  }

  private static Object readAllOrNull(DecodedMessage d) {
    try {
      return d.readAll();
    } catch (IsoFormatException e) {
      return null;
    }
  }

  private static void readEveryWay(DecodedMessage d, int f, byte[] input) {
    FieldSpec spec = d.spec().field(f).orElseThrow();
    List<Runnable> reads = new ArrayList<>();
    reads.add(() -> d.readString(f));
    reads.add(() -> d.readBytes(f));
    reads.add(() -> d.copyBytes(f, new byte[d.valueLength(f)], 0));
    if (spec.type() != FieldType.B) {
      reads.add(() -> d.readLong(f));
    }
    if (spec.isComposite()) {
      reads.add(() -> d.readSubfields(f));
    }
    if (spec.type() == FieldType.B) {
      reads.add(() -> d.readTlv(f));
    }
    for (Runnable read : reads) {
      try {
        read.run();
      } catch (IsoFormatException expected) {
        checkReported(expected, input);
      }
    }
  }

  private static void checkReported(IsoFormatException e, byte[] input) {
    assertThat(e.getMessage()).isNotBlank();
    assertThat(e.offset()).isBetween(-1, input.length);
  }
}
