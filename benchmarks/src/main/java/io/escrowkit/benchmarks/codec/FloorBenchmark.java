package io.escrowkit.benchmarks.codec;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.Specs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A control, not a codec: what it costs just to create the values a decode-and-read-all hands out
 * (17 Strings and 3 byte arrays of the pre-authorization's lengths, copied from the message bytes)
 * with no parsing or checking at all. No decoder that returns those objects can be faster; the
 * README compares the decode targets against this floor.
 *
 * <p>Not threadsafe: JMH gives each thread its own instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FloorBenchmark {

  private byte[] message;
  private final int[] offsets = new int[PreAuth.FIELDS.length];
  private final int[] lengths = new int[PreAuth.FIELDS.length];

  @Setup
  public void setUp() {
    IsoCodec codec = IsoCodec.of(Specs.iso87Ascii());
    message = codec.encode(PreAuth.escrowkit(codec.spec()));
    DecodedMessage m = codec.decode(message);
    for (int i = 0; i < PreAuth.FIELDS.length; i++) {
      int f = PreAuth.FIELDS[i];
      offsets[i] = m.valueOffset(f);
      lengths[i] = PreAuth.isBinary(f) ? m.readBytes(f).length : m.readString(f).length();
    }
  }

  @Benchmark
  public void valuesOnly(Blackhole bh) {
    for (int i = 0; i < offsets.length; i++) {
      int off = offsets[i];
      if (PreAuth.isBinary(PreAuth.FIELDS[i])) {
        bh.consume(Arrays.copyOfRange(message, off, off + lengths[i]));
      } else {
        bh.consume(new String(message, off, lengths[i], StandardCharsets.ISO_8859_1));
      }
    }
  }
}
