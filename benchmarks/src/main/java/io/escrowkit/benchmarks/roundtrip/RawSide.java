package io.escrowkit.benchmarks.roundtrip;

import io.escrowkit.simulator.AcquirerSimulator;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The raw side: one {@link RawPipeline} connection to its own simulator, shared by all benchmark
 * threads, each of which sends its own ready-made frames ({@link Lane}). Threadsafe.
 */
@State(Scope.Benchmark)
public class RawSide {
  private final AtomicLong refused = new AtomicLong();
  private final AtomicInteger lanes = new AtomicInteger();
  private AcquirerSimulator host;
  RawPipeline pipeline;

  @Setup(Level.Trial)
  public void connect() throws IOException {
    host = Hosts.start(refused);
    pipeline = new RawPipeline(host.address());
  }

  @TearDown(Level.Iteration)
  public void check() {
    Hosts.checkAndForget(host.ledger(), refused);
  }

  @TearDown(Level.Trial)
  public void disconnect() throws IOException {
    pipeline.close();
    host.close();
  }

  /**
   * One benchmark thread's escrows: {@value #ESCROWS} pairs of hold and capture frames with trace
   * numbers of its own, used in turn (a trace comes back only after its pre-authorization was
   * captured, which the simulator allows). Not threadsafe: one per thread.
   */
  @State(Scope.Thread)
  public static class Lane {
    static final int ESCROWS = 256;
    private RoundTripFrames[] frames;
    private int next;

    @Setup(Level.Trial)
    public void build(RawSide side) {
      int lane = side.lanes.getAndIncrement();
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
