package io.escrowkit.journal.jdbc.testing;

import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowClientBuilder;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;

/** Escrow clients as the journal tests build them. */
public final class Clients {
  /** Shared by every client of a test, so that their card tokens (and fingerprints) agree. */
  public static final byte[] TEST_CARD_TOKEN_KEY =
      "escrowkit-test-card-token-key-01".getBytes(StandardCharsets.US_ASCII);

  private Clients() {}

  /**
   * A client of {@code journal} and {@code transport} with short timeouts and reversal retries;
   * {@code seed} must differ between clients sharing a journal, or their ids would collide.
   */
  public static EscrowClientBuilder builder(
      Journal journal, Transport transport, ScheduledExecutorService scheduler, long seed) {
    return EscrowClient.builder()
        .merchant(Samples.MERCHANT, Samples.TERMINAL)
        .transport(transport)
        .journal(journal)
        .random(new Random(seed))
        .scheduler(scheduler)
        .cardTokenKey(TEST_CARD_TOKEN_KEY)
        .requestTimeout(Duration.ofMillis(300))
        .reversalBackoff(Duration.ofMillis(5), Duration.ofMillis(50));
  }
}
