package io.escrowkit.iso8583.functional;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.iso8583.IsoTransportBuilder;
import io.escrowkit.memory.InMemoryJournal;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * An {@link EscrowClient} with an in-memory journal over an {@link IsoTransport} to a host on a
 * loopback port, for tests against hosts that are not ours; counts down {@link #reversed} when an
 * escrow is reversed.
 */
final class ClientOverIso implements AutoCloseable {
  static final String MERCHANT = "898310048990001";
  static final String TERMINAL = "10000001";

  final InMemoryJournal journal = new InMemoryJournal();
  final CountDownLatch reversed = new CountDownLatch(1);
  final IsoTransport transport;
  final EscrowClient client;

  /**
   * @param settings the transport's settings beyond the address, terminal and random source
   * @param requestTimeout the client's request timeout
   */
  ClientOverIso(int port, UnaryOperator<IsoTransportBuilder> settings, Duration requestTimeout) {
    transport = settings.apply(IsoTransport.builder()
            .connect("127.0.0.1", port)
            .terminal(MERCHANT, TERMINAL, () -> journal.nextTrace(TERMINAL))
            .random(new Random(9)))
        .build();
    client = EscrowClient.builder()
        .merchant(MERCHANT, TERMINAL)
        .transport(transport)
        .journal(journal)
        .requestTimeout(requestTimeout)
        .random(new Random(11))
        .listener(event -> {
          if (event.to() == EscrowState.REVERSED) {
            reversed.countDown();
          }
        })
        .build();
  }

  /** A hold of {@code amount} CNY on the UnionPay test chip card. */
  Escrow hold(String amount) {
    return client.hold(Money.of(amount, "CNY")).reference("room-1208")
        .card(TestCards.unionPayChip()).execute();
  }

  @Override
  public void close() {
    client.close();
    transport.close();
  }
}
