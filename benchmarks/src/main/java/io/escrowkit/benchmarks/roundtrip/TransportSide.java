package io.escrowkit.benchmarks.roundtrip;

import io.escrowkit.device.CardData;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The transport alone: {@link IsoTransport} (mapping, MAC both ways, encoding, the channel) over
 * one connection to the simulator, driven with ready {@link TransportRequest}s, without the client
 * (journal, state machine, idempotency, reversal bookkeeping). Between the raw and the SDK sides,
 * it shows how the SDK's cost splits between the transport and the client. Threadsafe.
 */
@State(Scope.Benchmark)
public class TransportSide {
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong traces = new AtomicLong();
  private final Clock clock = Clock.systemUTC();
  private AcquirerSimulator host;
  private ForgetfulBooks books;
  private IsoTransport transport;

  @Setup(Level.Trial)
  public void connect() {
    host = Hosts.start(refused);
    books = new ForgetfulBooks(host.ledger());
    transport = Hosts.transportTo(host, traces::incrementAndGet);
  }

  /** One escrow: the hold, then the capture naming it by the hold's host references. */
  TransportOutcome holdThenCapture() throws InterruptedException, ExecutionException {
    TransportOutcome held = send(RequestType.HOLD, Optional.of(TestCards.unionPayChip()),
        Map.of());
    if (!held.isApproved()) {
      throw new IllegalStateException("hold not approved: " + held);
    }
    TransportOutcome captured = send(RequestType.CAPTURE, Optional.empty(), held.hostReferences());
    if (!captured.isApproved()) {
      throw new IllegalStateException("capture not approved: " + captured);
    }
    return captured;
  }

  private TransportOutcome send(RequestType type, Optional<CardData> card,
      Map<String, String> references) throws InterruptedException, ExecutionException {
    long trace = traces.incrementAndGet() % 999_999 + 1;
    Instant now = clock.instant();
    TransportRequest request = TransportRequest.builder(type)
        .operationId("op-" + trace)
        .escrow("escrow", RoundTripFrames.MERCHANT, RoundTripFrames.TERMINAL)
        .trace(trace)
        .transmittedAt(now)
        .deadline(now.plus(Duration.ofSeconds(30)))
        .amount(RoundTripFrames.HELD)
        .holdAmount(RoundTripFrames.HELD)
        .card(card)
        .hostReferences(references)
        .build();
    return transport.send(request).get();
  }

  @TearDown(Level.Iteration)
  public void check() {
    Hosts.checkAndForget(host.ledger(), refused);
  }

  @TearDown(Level.Trial)
  public void disconnect() {
    books.close();
    transport.close();
    host.close();
  }
}
