package io.escrowkit.benchmarks.codec;

import java.util.concurrent.TimeUnit;
import org.jpos.iso.ISOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding the pre-authorization, message already built: this codec into a caller-supplied buffer
 * (allocates nothing) and into a new array; jPOS {@code ISOMsg.pack()}; j8583 {@code
 * IsoMessage.writeData()} (both return a new array).
 *
 * <p>Stateless (threadsafe); JMH hands each thread its own {@link Messages}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncodeBenchmark {

  @Benchmark
  public int escrowkitIntoBuffer(Messages s) {
    return s.codec.encode(s.escrowkit, s.out, 0);
  }

  @Benchmark
  public byte[] escrowkitNewArray(Messages s) {
    return s.codec.encode(s.escrowkit);
  }

  @Benchmark
  public byte[] jpos(Messages s) throws ISOException {
    return s.jpos.pack();
  }

  @Benchmark
  public byte[] j8583(Messages s) {
    return s.j8583.writeData();
  }
}
