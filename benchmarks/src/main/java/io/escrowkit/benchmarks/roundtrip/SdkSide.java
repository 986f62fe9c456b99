package io.escrowkit.benchmarks.roundtrip;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.device.CardData;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.simulator.AcquirerSimulator;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The SDK's side: an {@link EscrowClient} (in-memory journal, UnionPay profile) over one {@link
 * IsoTransport} connection, signed on, MACing with the test key, to the simulator. Each iteration
 * gets a fresh client and journal (the connection stays), so the journal does not grow across the
 * run. Shared by all benchmark threads; threadsafe.
 */
@State(Scope.Benchmark)
public class SdkSide {
  /**
   * The journal keeps the latest escrows only, as a long-running process would: retaining every
   * escrow of a 3 s iteration (about 4 KB each) made young collections copy hundreds of MB.
   */
  private static final int JOURNAL_CAPACITY = 4096;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong networkTraces = new AtomicLong(900_000);
  private final CardData card = TestCards.unionPayChip();
  private AcquirerSimulator host;
  private ForgetfulBooks books;
  private IsoTransport transport;
  private ScheduledExecutorService scheduler;
  private EscrowClient client;

  @Setup(Level.Trial)
  public void connect() {
    host = Hosts.start(refused);
    books = new ForgetfulBooks(host.ledger());
    transport = Hosts.transportTo(host, networkTraces::incrementAndGet);
    // The client cancels a deadline timer per answered request: have them leave the queue.
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2);
    timers.setRemoveOnCancelPolicy(true);
    scheduler = timers;
  }

  @Setup(Level.Iteration)
  public void newClient() {
    client =
        EscrowClient.builder()
            .merchant(RoundTripFrames.MERCHANT, RoundTripFrames.TERMINAL)
            .transport(transport)
            .journal(InMemoryJournal.withCapacity(JOURNAL_CAPACITY))
            .scheduler(scheduler)
            .random(new Random(11))
            .requestTimeout(Duration.ofSeconds(30))
            .build();
  }

  /** One escrow: hold, then capture of the whole hold. */
  Escrow holdThenCapture() {
    Escrow held = client.hold(RoundTripFrames.HELD).reference("bench").card(card).execute();
    if (held.state() != EscrowState.HELD) {
      throw new IllegalStateException("hold not approved: " + held);
    }
    Escrow captured = held.capture(RoundTripFrames.HELD).execute();
    if (captured.state() != EscrowState.CAPTURED) {
      throw new IllegalStateException("capture not approved: " + captured);
    }
    return captured;
  }

  @TearDown(Level.Iteration)
  public void closeClient() {
    client.close();
    Hosts.checkAndForget(host.ledger(), refused);
  }

  @TearDown(Level.Trial)
  public void disconnect() {
    books.close();
    transport.close();
    scheduler.shutdownNow();
    host.close();
  }
}
