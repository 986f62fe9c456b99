package io.escrowkit.benchmarks.codec;

import com.solab.iso8583.IsoMessage;
import io.escrowkit.iso8583.DecodedMessage;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.ISOMsg;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding the pre-authorization and reading every one of its 20 fields back, so lazy parsing
 * cannot cheat. Two ways of reading, each the same for all three libraries:
 *
 * <ul>
 *   <li>{@code *Values} (the headline): each library's own accessor for each field's value, binary
 *       fields 52, 55 and 64 as {@code byte[]}: this codec {@code readString}/{@code readBytes},
 *       jPOS {@code getString}/{@code getBytes}, j8583 {@code getObjectValue} — which hands out the
 *       numbers it parsed while decoding (a {@code Long} in binary mode, where a String would cost
 *       j8583 a {@code String.format}), text as Strings and binary as bytes.
 *   <li>{@code *Strings}: every field as the String each library's own string getter returns. For
 *       binary fields that differs: this codec returns upper-case hex (52, 55, 64); jPOS returns
 *       hex for 52 and 64 and the ISO-8859-1 text of 55 (LLLCHAR); j8583 returns hex, except for 55
 *       in ASCII mode, where it is LLLVAR text; j8583 formats binary-mode numbers with {@code
 *       String.format}.
 * </ul>
 *
 * <p>Each operation decodes into a new message object (this codec: a new {@link DecodedMessage}),
 * as the peers do; {@link ZeroAllocationBenchmark} shows the reused-view path. Stateless
 * (threadsafe); JMH hands each thread its own {@link Messages}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

  @Benchmark
  public void escrowkitValues(Messages s, Blackhole bh) {
    DecodedMessage m = s.codec.decode(s.escrowkitBytes);
    for (int f : PreAuth.FIELDS) {
      bh.consume(PreAuth.isBinary(f) ? m.readBytes(f) : m.readString(f));
    }
  }

  @Benchmark
  public void jposValues(Messages s, Blackhole bh) throws Exception {
    ISOMsg m = JposSide.unpack(s.jposPackager, s.jposBytes);
    for (int f : PreAuth.FIELDS) {
      bh.consume(PreAuth.isBinary(f) ? m.getBytes(f) : m.getString(f));
    }
  }

  @Benchmark
  public void j8583Values(Messages s, Blackhole bh) throws Exception {
    IsoMessage m = s.j8583Factory.parseMessage(s.j8583Bytes, 0);
    for (int f : PreAuth.FIELDS) {
      Object value = PreAuth.isBinary(f) ? Reads.j8583Bytes(m, f) : m.<Object>getObjectValue(f);
      bh.consume(value);
    }
  }

  @Benchmark
  public void escrowkitStrings(Messages s, Blackhole bh) {
    DecodedMessage m = s.codec.decode(s.escrowkitBytes);
    for (int f : PreAuth.FIELDS) {
      bh.consume(m.readString(f));
    }
  }

  @Benchmark
  public void jposStrings(Messages s, Blackhole bh) throws Exception {
    ISOMsg m = JposSide.unpack(s.jposPackager, s.jposBytes);
    for (int f : PreAuth.FIELDS) {
      bh.consume(m.getString(f));
    }
  }

  @Benchmark
  public void j8583Strings(Messages s, Blackhole bh) throws Exception {
    IsoMessage m = s.j8583Factory.parseMessage(s.j8583Bytes, 0);
    for (int f : PreAuth.FIELDS) {
      bh.consume(m.getField(f).toString());
    }
  }
}
