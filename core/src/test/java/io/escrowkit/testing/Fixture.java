package io.escrowkit.testing;

import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowClientBuilder;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.Journal;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A client wired to in-memory parts, a hand-moved clock and a seeded random source. */
public final class Fixture implements AutoCloseable {
  public static final String MERCHANT = "898310048990001";
  public static final String TERMINAL = "10000001";
  /** 2026-11-25 10:00 Beijing time. */
  public static final Instant START = Instant.parse("2026-11-25T02:00:00Z");

  public final MutableClock clock = new MutableClock(START);
  public final Journal journal;
  public final InMemoryTransport transport;
  public final StateWaiter events = new StateWaiter();
  public final ScheduledExecutorService scheduler;
  public final EscrowClient client;

  public Fixture(InMemoryTransport transport) {
    this(transport, b -> b);
  }

  public Fixture(InMemoryTransport transport,
      java.util.function.UnaryOperator<EscrowClientBuilder> more) {
    this(transport, transport, more);
  }

  /** The client talks to {@code wire}, which should end at {@code host}. */
  public Fixture(InMemoryTransport host, io.escrowkit.spi.Transport wire,
      java.util.function.UnaryOperator<EscrowClientBuilder> more) {
    this(host, wire, new InMemoryJournal(), more);
  }

  /** The client talks to {@code wire}, which should end at {@code host}, and keeps {@code journal}. */
  public Fixture(InMemoryTransport host, io.escrowkit.spi.Transport wire, Journal journal,
      java.util.function.UnaryOperator<EscrowClientBuilder> more) {
    this(host, wire, journal, 42, more);
  }

  /** As above, with ids drawn from {@code seed}: a second client on a journal needs its own. */
  public Fixture(InMemoryTransport host, io.escrowkit.spi.Transport wire, Journal journal,
      long seed, java.util.function.UnaryOperator<EscrowClientBuilder> more) {
    this(host, wire, journal, seed, Executors.newScheduledThreadPool(2), Duration.ofMillis(300),
        more);
  }

  /**
   * As above, on {@code scheduler} (which {@link #close()} shuts down), with {@code
   * requestTimeout} (300 ms above).
   */
  public Fixture(InMemoryTransport host, io.escrowkit.spi.Transport wire, Journal journal,
      long seed, ScheduledExecutorService scheduler, Duration requestTimeout,
      java.util.function.UnaryOperator<EscrowClientBuilder> more) {
    this.scheduler = scheduler;
    this.transport = host;
    this.journal = journal;
    this.client = more.apply(EscrowClient.builder()
        .merchant(MERCHANT, TERMINAL)
        .transport(wire)
        .journal(journal)
        .clock(clock)
        .random(new Random(seed))
        .scheduler(scheduler)
        .requestTimeout(requestTimeout)
        .reversalBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
        .listener(events))
        .build();
  }

  @Override
  public void close() {
    client.close();
    scheduler.shutdownNow();
  }
}
