package io.escrowkit.benchmarks.roundtrip;

import io.escrowkit.Escrow;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * An escrow's hold → capture round trip against the acquirer simulator on loopback, over one
 * connection with {@value #IN_FLIGHT} escrows in flight (one per benchmark thread): through the SDK
 * ({@code sdk*}: EscrowClient, journal, IsoTransport, MAC on both ways), through the transport
 * alone ({@code transport*}: IsoTransport without the client), and as the raw socket round trip of
 * the same frames ({@code raw*}: write ready-made bytes, read the answers), and the raw round trip
 * with each message's MAC made and checked ({@code checked*}: {@link CheckedSide}). Throughput is
 * escrows per second; the latency runs give percentiles of one escrow (two round trips).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'roundtrip' -f 1 -wi 2 -i 3 -w 2s -r 3s
 * </pre>
 */
@Threads(HoldCaptureRoundTrip.IN_FLIGHT)
public class HoldCaptureRoundTrip {
  static final int IN_FLIGHT = 8;

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Escrow sdkEscrows(SdkSide sdk) {
    return sdk.holdThenCapture();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Escrow sdkLatency(SdkSide sdk) {
    return sdk.holdThenCapture();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object transportEscrows(TransportSide transport)
      throws InterruptedException, ExecutionException {
    return transport.holdThenCapture();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object transportLatency(TransportSide transport)
      throws InterruptedException, ExecutionException {
    return transport.holdThenCapture();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public byte[] rawEscrows(RawSide raw, RawSide.Lane lane)
      throws InterruptedException, ExecutionException {
    return raw(raw, lane);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public byte[] rawLatency(RawSide raw, RawSide.Lane lane)
      throws InterruptedException, ExecutionException {
    return raw(raw, lane);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object checkedEscrows(CheckedSide checked, CheckedSide.Lane lane)
      throws InterruptedException, ExecutionException {
    return checked.holdThenCapture(lane);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object checkedLatency(CheckedSide checked, CheckedSide.Lane lane)
      throws InterruptedException, ExecutionException {
    return checked.holdThenCapture(lane);
  }

  private static byte[] raw(RawSide raw, RawSide.Lane lane)
      throws InterruptedException, ExecutionException {
    RoundTripFrames escrow = lane.next();
    raw.send(escrow.hold).get();
    return raw.send(escrow.capture).get();
  }
}
