package io.escrowkit.benchmarks.client;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The client's own cost of an escrow, hold then capture, with a host that approves within the send
 * and keeps nothing ({@link ApprovingTransport}) and the in-memory journal keeping the latest 4,096
 * escrows, as in the round-trip benchmark's {@code sdk*} side. This is the part of the SDK's
 * round trip that the transport-alone side does not have: average time per escrow, one thread.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'ClientOverhead' -f 1 -wi 5 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientOverheadBenchmark {
  private final CardData card = TestCards.unionPayChip();
  private final Money amount = Money.of("128.00", "CNY");
  private EscrowClient client;

  @Setup(Level.Iteration)
  public void newClient() {
    client = EscrowClient.builder()
        .merchant("898310048990001", "10000001")
        .transport(new ApprovingTransport())
        .journal(InMemoryJournal.withCapacity(4096))
        .random(new Random(11)) // as the round trip's sdk side: ids without SecureRandom's lock
        .build();
  }

  @TearDown(Level.Iteration)
  public void closeClient() {
    client.close();
  }

  @Benchmark
  public Escrow holdThenCapture() {
    Escrow held = client.hold(amount).reference("bench").card(card).execute();
    Escrow captured = held.capture(amount).execute();
    if (captured.state() != EscrowState.CAPTURED) {
      throw new IllegalStateException("capture not approved: " + captured);
    }
    return captured;
  }
}
