package io.escrowkit.benchmarks.roundtrip;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The raw side: one {@link RawPipeline} connection to its own simulator, shared by all benchmark
 * threads, each of which sends its own ready-made frames ({@link Lane}). Threadsafe. The checked
 * side sends through it too ({@link CheckedSide}).
 */
@State(Scope.Benchmark)
public class RawSide {
  private final AtomicInteger lanes = new AtomicInteger();
  private RawHost host;

  /** The next benchmark thread's number, from 0. */
  int nextLane() {
    return lanes.getAndIncrement();
  }

  /** Sends a ready-made frame; completes with the answer's body. */
  CompletableFuture<byte[]> send(byte[] frame) {
    return host.pipeline.send(frame);
  }

  @Setup(Level.Trial)
  public void connect() throws IOException {
    host = new RawHost();
  }

  @TearDown(Level.Iteration)
  public void check() {
    host.checkAndForget();
  }

  @TearDown(Level.Trial)
  public void disconnect() throws IOException {
    host.close();
  }

  /**
   * One benchmark thread's escrows: {@value #ESCROWS} pairs of hold and capture frames with trace
   * numbers of its own, used in turn (a trace comes back only after its pre-authorization was
   * captured, which the simulator allows). Not threadsafe: one per thread.
   *
   * <p>A trace must not come back within one iteration: the simulator keeps each trace's postings
   * until the iteration's end ({@link Hosts#checkAndForget}) and looks through them on every
   * request with that trace, as it must for repeats and follow-ups. With 256 escrows per lane, as
   * before, a trace came back about twenty times in a 3 s iteration, and the raw side slowed
   * down as its iterations went on (1 s iterations made 30,297 escrows/s, 6 s ones 22,534):
   * the floor was not a floor. The SDK's and the transport's sides draw fresh traces. So each
   * lane has enough for an iteration: 32,768 escrows, about three times what a lane sends in a
   * 3 s iteration at 40,000 escrows/s, the eight lanes' traces all below the 6-digit limit.
   */
  @State(Scope.Thread)
  public static class Lane {
    static final int ESCROWS = 32_768;
    private RoundTripFrames[] frames;
    private int next;

    @Setup(Level.Trial)
    public void build(RawSide side) {
      int lane = side.nextLane();
      frames = new RoundTripFrames[ESCROWS];
      for (int i = 0; i < ESCROWS; i++) {
        frames[i] = new RoundTripFrames(1 + 2L * (lane * ESCROWS + i));
      }
    }

    RoundTripFrames next() {
      RoundTripFrames escrow = frames[next];
      next = (next + 1) % ESCROWS;
      return escrow;
    }
  }
}
