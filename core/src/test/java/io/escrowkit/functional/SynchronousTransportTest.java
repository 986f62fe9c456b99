package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowListener;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A transport that answers inside {@code send()} (the in-memory one): a blocking {@code execute()}
 * records the answer on its own thread without handing it to the executor, and a listener that
 * runs a whole other escrow from inside the send does not deadlock.
 */
class SynchronousTransportTest {
  private static final Money HOLD = Money.of("100.00", "CNY");

  /** A scheduler that counts the tasks handed to it to run now (not the timers). */
  private static final class CountingScheduler extends ScheduledThreadPoolExecutor {
    final AtomicInteger ran = new AtomicInteger();

    CountingScheduler() {
      super(2);
      setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable command) {
      ran.incrementAndGet();
      super.execute(command);
    }
  }

  @Test
  void aBlockingExecuteRecordsTheAnswerOnItsOwnThreadWithoutTheExecutor() throws Exception {
    CountingScheduler scheduler = new CountingScheduler();
    List<Thread> recordedOn = new CopyOnWriteArrayList<>();
    try (EscrowClient client = client(scheduler, InMemoryTransport.approvingAll(),
        event -> recordedOn.add(Thread.currentThread()))) {
      Escrow held = client.hold(HOLD).reference("sync").card(TestCards.unionPayChip()).execute();
      Escrow captured = held.capture(HOLD).execute();

      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(scheduler.ran).hasValue(0);
      assertThat(recordedOn)
          .hasSizeGreaterThanOrEqualTo(4)
          .allSatisfy(t -> assertThat(t).isSameAs(Thread.currentThread()));
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aListenerThatRunsAnotherEscrowInsideTheSendDoesNotDeadlock() throws Exception {
    CountingScheduler scheduler = new CountingScheduler();
    AtomicReference<EscrowClient> clientRef = new AtomicReference<>();
    AtomicReference<Escrow> inner = new AtomicReference<>();
    AtomicInteger innerRuns = new AtomicInteger();
    EscrowListener runsAnotherEscrow = event -> {
      // While the outer hold is being sent: a whole other escrow, waited for with join().
      if (event.to() == EscrowState.HOLD_PENDING && innerRuns.getAndIncrement() == 0) {
        inner.set(clientRef.get().hold(HOLD).reference("inner").card(TestCards.unionPayChip())
            .executeAsync().orTimeout(10, TimeUnit.SECONDS).join());
      }
    };
    try (EscrowClient client =
        client(scheduler, InMemoryTransport.approvingAll(), runsAnotherEscrow)) {
      clientRef.set(client);

      Escrow outer = CompletableFuture.supplyAsync(
              () -> client.hold(HOLD).reference("outer").card(TestCards.unionPayChip()).execute())
          .get(20, TimeUnit.SECONDS);

      assertThat(outer.state()).isEqualTo(EscrowState.HELD);
      assertThat(inner.get().state()).isEqualTo(EscrowState.HELD);
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static EscrowClient client(
      CountingScheduler scheduler, InMemoryTransport transport, EscrowListener listener) {
    return EscrowClient.builder()
        .merchant("898310048990001", "10000001")
        .transport(transport)
        .journal(new InMemoryJournal())
        .scheduler(scheduler)
        .listener(listener)
        .requestTimeout(Duration.ofSeconds(30))
        .build();
  }
}
