package io.escrowkit.benchmarks.codec;

import io.escrowkit.iso8583.DecodedMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * This codec's allocation-free paths (expect ~0 B/op with {@code -prof gc}): decoding into a reused
 * {@link DecodedMessage} (which still checks the whole structure: MTI, bitmap, every length) and
 * reading numbers as longs. No peer equivalent: jPOS and j8583 materialize every field on decode.
 *
 * <p>Stateless (threadsafe); JMH hands each thread its own {@link Messages}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ZeroAllocationBenchmark {

  /** Decode into the reused view and read the amount, field 4, as a long. */
  @Benchmark
  public long decodeReadAmount(Messages s) {
    DecodedMessage m = s.codec.decode(s.escrowkitBytes, 0, s.escrowkitBytes.length, s.view);
    return m.readLong(4);
  }

  /** Decode into the reused view and read every numeric field (3, 4, 11, ... 26) as a long. */
  @Benchmark
  public long decodeReadNumbers(Messages s) {
    DecodedMessage m = s.codec.decode(s.escrowkitBytes, 0, s.escrowkitBytes.length, s.view);
    return m.readLong(3)
        + m.readLong(4)
        + m.readLong(11)
        + m.readLong(12)
        + m.readLong(13)
        + m.readLong(14)
        + m.readLong(22)
        + m.readLong(23)
        + m.readLong(25)
        + m.readLong(26);
  }
}
