package io.escrowkit.simulator.functional;

import io.escrowkit.EscrowClient;
import io.escrowkit.SchemeProfile;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.iso8583.IsoTransportBuilder;
import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.simulator.AcquirerSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * One run of a terminal that keeps its journal in a SQLite file: an {@link EscrowClient} over an
 * {@link IsoTransport} to a running {@link AcquirerSimulator}. Closing it is the terminal going
 * down; a new one on the same file is the terminal starting again. Threadsafe as its parts are.
 */
final class JournaledTerminal implements AutoCloseable {
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
  /** Both runs of the terminal turn card numbers into the same risk tokens. */
  private static final byte[] TEST_CARD_TOKEN_KEY =
      "test-card-token-key-0123456789ab".getBytes(StandardCharsets.US_ASCII);

  final JdbcJournal journal;
  final IsoTransport transport;
  final EscrowClient client;
  final EscrowEvents events = new EscrowEvents();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

  JournaledTerminal(AcquirerSimulator host, Path journalFile, SchemeProfile scheme,
      UnaryOperator<IsoTransportBuilder> transportOptions) {
    this.journal = JdbcJournal.sqlite(journalFile);
    this.transport =
        transportOptions
            .apply(SdkLoopback.transportTo(host, () -> journal.nextTrace(SdkLoopback.TERMINAL)))
            .build();
    this.client =
        EscrowClient.builder()
            .merchant(SdkLoopback.MERCHANT, SdkLoopback.TERMINAL)
            .transport(transport)
            .journal(journal)
            .profile(scheme)
            .scheduler(scheduler)
            .random(new Random(11))
            .cardTokenKey(TEST_CARD_TOKEN_KEY)
            .requestTimeout(REQUEST_TIMEOUT)
            .reversalBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .recoveryInterval(Duration.ofMillis(200))
            .listener(events)
            .build();
  }

  @Override
  public void close() {
    client.close();
    transport.close();
    scheduler.shutdownNow();
    journal.close();
  }
}
