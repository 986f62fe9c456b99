package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.IllegalTransitionException;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.testing.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Operations on one escrow are serialized: racing captures and releases never both go out. */
class SameEscrowSerializationTest {

  @Test
  void racingCapturesAndReleasesOnOneEscrowSendExactlyOne() throws Exception {
    ExecutorService racers = Executors.newFixedThreadPool(8);
    try (Fixture fixture = new Fixture(InMemoryTransport.approvingAll())) {
      Escrow held = fixture.client.hold(Money.of("100.00", "CNY")).reference("race")
          .card(TestCards.unionPayChip()).execute();
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Escrow>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        boolean capture = i % 2 == 0;
        calls.add(CompletableFuture.supplyAsync(() -> {
          await(go);
          return capture ? held.capture(Money.of("100.00", "CNY")).executeAsync()
              : held.release().executeAsync();
        }, racers).thenCompose(f -> f));
      }
      go.countDown();
      int approved = 0;
      int refused = 0;
      for (CompletableFuture<Escrow> call : calls) {
        try {
          if (call.get(10, TimeUnit.SECONDS).approved()) {
            approved++;
          }
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(IllegalTransitionException.class);
          refused++;
        }
      }
      assertThat(approved).isEqualTo(1);
      assertThat(refused).isEqualTo(15);
      int sent = fixture.transport.received(RequestType.CAPTURE)
          + fixture.transport.received(RequestType.RELEASE);
      assertThat(sent).isEqualTo(1);
      EscrowState end = held.refresh().state();
      assertThat(end).isIn(EscrowState.CAPTURED, EscrowState.RELEASED);
    } finally {
      racers.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    }
  }
}
