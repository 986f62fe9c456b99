package io.escrowkit.benchmarks.codec;

import io.escrowkit.iso8583.IsoMessage;
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
 * Setting every field and encoding, per operation: this codec validates each value as it is set
 * (digits, lengths, charset), so {@link EncodeBenchmark} alone would leave that work out. Values
 * are the same prepared constants for all three libraries.
 *
 * <p>Stateless (threadsafe); JMH hands each thread its own {@link Messages}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BuildAndEncodeBenchmark {

  @Benchmark
  public int escrowkit(Messages s) {
    IsoMessage.Builder b = IsoMessage.builder(s.codec.spec()).mti(PreAuth.MTI);
    for (int f : PreAuth.FIELDS) {
      if (f == 52) {
        b.set(52, s.pinBlock);
      } else if (f == 55) {
        b.set(55, s.emv);
      } else if (f == 64) {
        b.set(64, s.mac);
      } else {
        b.set(f, PreAuth.TEXT[f]);
      }
    }
    return s.codec.encode(b.build(), s.out, 0);
  }

  @Benchmark
  public byte[] jpos(Messages s) throws ISOException {
    return JposSide.build(s.jposPackager, s.pinBlock, s.mac, s.emvLatin1).pack();
  }

  @Benchmark
  public byte[] j8583(Messages s) {
    return J8583Side.build(s.j8583Factory, s.wire.binary(), s.pinBlock, s.mac, s.emv, s.emvLatin1)
        .writeData();
  }
}
