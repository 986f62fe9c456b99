package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.SchemeProfile;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transport whose future fails on its own thread (a reader that lost the connection): the
 * failure is recorded off that thread, as an answer is, by the thread waiting for it or the
 * client's executor; never by the transport's thread.
 */
class FailedAnswerThreadTest {
  private final ScheduledExecutorService reader =
      Executors.newSingleThreadScheduledExecutor(work -> new Thread(work, "transport-reader"));
  private final List<String> recordedOn = new CopyOnWriteArrayList<>();

  /** Implements only send(request): the default send(request, finisher) must hand on failures. */
  private final Transport failingLater = new Transport() {
    @Override
    public String name() {
      return "failing-later";
    }

    @Override
    public CompletableFuture<TransportOutcome> send(TransportRequest request) {
      CompletableFuture<TransportOutcome> answer = new CompletableFuture<>();
      reader.schedule(
          () -> answer.completeExceptionally(new IOException("connection reset")),
          20, TimeUnit.MILLISECONDS);
      return answer;
    }
  };

  @AfterEach
  void stop() {
    reader.shutdownNow();
  }

  @Test
  void aFailureIsRecordedOffTheTransportsThreadWhetherTheCallerBlocksOrNot() throws Exception {
    try (EscrowClient client = EscrowClient.builder()
        .merchant("898310048990001", "10000001")
        .profile(SchemeProfile.genericCard()) // a new hold need not wait for owed reversals
        .transport(failingLater)
        .journal(new InMemoryJournal())
        .requestTimeout(Duration.ofSeconds(10))
        .listener(event -> recordedOn.add(event.to() + "@" + Thread.currentThread().getName()))
        .build()) {

      Escrow blocking = client.hold(Money.of("100.00", "CNY")).reference("r-1")
          .card(TestCards.unionPayChip()).execute();
      Escrow async = client.hold(Money.of("100.00", "CNY")).reference("r-2")
          .card(TestCards.unionPayChip()).executeAsync().get(10, TimeUnit.SECONDS);

      assertThat(blocking.state()).isEqualTo(EscrowState.IN_DOUBT);
      assertThat(async.state()).isEqualTo(EscrowState.IN_DOUBT);
      assertThat(recordedOn).anyMatch(seen -> seen.startsWith("IN_DOUBT@"));
      assertThat(recordedOn).noneMatch(seen -> seen.endsWith("@transport-reader"));
    }
  }
}
