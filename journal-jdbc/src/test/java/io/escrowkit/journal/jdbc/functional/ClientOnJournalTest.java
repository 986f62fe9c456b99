package io.escrowkit.journal.jdbc.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.TransitionEvent;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.journal.jdbc.testing.Clients;
import io.escrowkit.journal.jdbc.testing.JournalEngine;
import io.escrowkit.journal.jdbc.testing.Transitions;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The escrow client on a durable journal: lifecycle, in-doubt reversal, replays after restart. */
abstract class ClientOnJournalTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final InMemoryTransport host = InMemoryTransport.approvingAll();
  private final Transitions events = new Transitions();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private JournalEngine engine;
  private JdbcJournal journal;
  private EscrowClient client;
  private long seed = 1;

  protected abstract JournalEngine newEngine();

  @BeforeEach
  void start() {
    engine = newEngine();
    journal = engine.open();
    client = newClient(Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    if (engine == null) {
      return; // skipped: no database
    }
    try {
      client.close();
      journal.close();
    } finally {
      engine.close();
    }
  }

  private EscrowClient newClient(Clock clock) {
    return Clients.builder(journal, host, scheduler, seed++).clock(clock).listener(events).build();
  }

  /** Closes the client and its journal, and opens both again, as after a restart. */
  private void restart(Clock clock) {
    client.close();
    journal.close();
    journal = engine.open();
    client = newClient(clock);
  }

  private Escrow hold(String reference, String key) {
    return client
        .hold(Money.of("128.00", "CNY"))
        .reference(reference)
        .card(TestCards.unionPayChip())
        .idempotencyKey(key)
        .execute();
  }

  @Test
  void holdThenCaptureIsJournaledStepByStep() {
    Escrow held = hold("room-1208", "k-hold");
    Escrow captured = held.capture(Money.of("100.00", "CNY")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(host.ledger().entry(held.id()).get().captured())
        .isEqualTo(Money.of("100.00", "CNY"));
    assertThat(journal.history(held.id()))
        .extracting(TransitionEvent::to)
        .containsExactly(
            EscrowState.HOLD_PENDING,
            EscrowState.HELD,
            EscrowState.CAPTURE_PENDING,
            EscrowState.CAPTURED);
    restart(Clock.systemUTC());
    assertThat(client.find("room-1208").get().snapshot()).isEqualTo(captured.snapshot());
    assertThat(journal.check().problems()).isEmpty();
  }

  @Test
  void releaseFreesTheHoldAndIsRemembered() {
    Escrow held = hold("car-7", "k-car");

    Escrow released = held.release().execute();

    assertThat(released.state()).isEqualTo(EscrowState.RELEASED);
    assertThat(host.ledger().entry(held.id()).get().holdActive()).isFalse();
    assertThat(journal.find(held.id()).get().state()).isEqualTo(EscrowState.RELEASED);
  }

  @Test
  void aHoldInDoubtIsReversedAndNothingStaysOwed() {
    host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);

    Escrow inDoubt = hold("room-doubt", "k-doubt");
    events.awaitState(inDoubt.id(), EscrowState.REVERSED, WAIT);

    assertThat(inDoubt.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
    assertThat(host.ledger().entry(inDoubt.id()).get().holdActive()).isFalse();
    assertThat(journal.pendingWork()).isEmpty();
    assertThat(journal.find(inDoubt.id()).get().state()).isEqualTo(EscrowState.REVERSED);
  }

  @Test
  void replaysAfterARestartAnswerTheSameWithoutAskingTheHostAgain() {
    Escrow held = hold("room-9", "k-hold-9");
    Escrow captured = held.capture(Money.of("90.00", "CNY")).idempotencyKey("k-cap-9").execute();

    restart(Clock.systemUTC());
    Escrow heldAgain = hold("room-9", "k-hold-9");
    Escrow capturedAgain =
        client
            .escrow(held.id())
            .get()
            .capture(Money.of("90.00", "CNY"))
            .idempotencyKey("k-cap-9")
            .execute();

    assertThat(heldAgain.result()).isEqualTo(held.result());
    assertThat(capturedAgain.result()).isEqualTo(captured.result());
    assertThat(host.received(RequestType.HOLD)).isEqualTo(1);
    assertThat(host.received(RequestType.CAPTURE)).isEqualTo(1);
  }

  @Test
  void aRequestLeftPendingByAVanishedClientIsReversedAfterRestart() {
    host.injectNext(RequestType.HOLD, Fault.HANG);
    ScheduledExecutorService doomed = Executors.newScheduledThreadPool(1);
    EscrowClient vanishing = Clients.builder(journal, host, doomed, 99).listener(events).build();
    CompletableFuture<Escrow> never =
        vanishing
            .hold(Money.of("50.00", "CNY"))
            .reference("room-crash")
            .card(TestCards.unionPayChip())
            .idempotencyKey("k-crash")
            .executeAsync();
    String escrowId =
        events
            .await(e -> e.to() == EscrowState.HOLD_PENDING, WAIT, "hold intent journaled")
            .escrowId();
    doomed.shutdownNow();
    vanishing.close();
    assertThat(host.ledger().entry(escrowId).get().holdActive()).as("the host holds").isTrue();

    restart(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
    events.awaitState(escrowId, EscrowState.REVERSED, WAIT);

    assertThat(never).isNotDone();
    assertThat(host.ledger().entry(escrowId).get().holdActive()).isFalse();
    assertThat(journal.pendingWork()).isEmpty();
    List<TransitionEvent> history = journal.history(escrowId);
    assertThat(history)
        .extracting(TransitionEvent::to)
        .containsExactly(EscrowState.HOLD_PENDING, EscrowState.IN_DOUBT, EscrowState.REVERSED);
    assertThat(journal.idempotency("k-crash").get().result().get().status())
        .isEqualTo(OperationStatus.IN_DOUBT);
  }
}
