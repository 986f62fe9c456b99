package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.JournalFailureException;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.RecoveryReport;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.ForwardingJournal;
import io.escrowkit.testing.HeldAnswerTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RecoveryTest {

  @Test
  void aRequestLeftPendingByAVanishedClientIsReversedByTheNextOne() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    host.injectNext(RequestType.HOLD, Fault.HANG);
    InMemoryJournal shared = new InMemoryJournal();
    ScheduledExecutorService doomed = Executors.newScheduledThreadPool(1);
    EscrowClient vanishing = EscrowClient.builder().merchant(Fixture.MERCHANT, Fixture.TERMINAL)
        .transport(host).journal(shared).random(new Random(1)).scheduler(doomed)
        .clock(new io.escrowkit.testing.MutableClock(Fixture.START))
        .requestTimeout(Duration.ofHours(1)).build();
    CompletableFuture<Escrow> never = vanishing.hold(Money.of("50.00", "CNY")).reference("orphan")
        .card(TestCards.unionPayChip()).idempotencyKey("orphan-key").executeAsync();
    doomed.shutdownNow(); // the client's process "dies": no deadline timer, no settlement
    String escrowId = shared.findByReference("orphan").get().id();
    assertThat(shared.find(escrowId).get().state()).isEqualTo(EscrowState.HOLD_PENDING);
    assertThat(host.ledger().entry(escrowId).get().holdActive()).isTrue();

    try (Fixture successor = new Fixture(host, host, shared, b -> b.recoverOnStart(false))) {
      successor.clock.advance(Duration.ofHours(3)); // well past the orphan's own deadline
      assertThat(successor.client.recover().requestsInDoubt()).isEqualTo(1);
      successor.events.awaitState(escrowId, EscrowState.REVERSED, Duration.ofSeconds(10));
      assertThat(successor.client.recover()).isEqualTo(new RecoveryReport(0, 0, 0));
    }
    assertThat(host.ledger().entry(escrowId).get().holdActive()).isFalse();
    EscrowResult recorded = shared.idempotency("orphan-key").get().result().get();
    assertThat(recorded.status()).isEqualTo(OperationStatus.IN_DOUBT);
    assertThat(never).isNotDone();
    vanishing.close();
  }

  /**
   * The hold's approval comes after recovery took the hold as orphaned (the clock moved on past
   * twice its deadline meanwhile): the caller gets the in-doubt result recovery recorded, not a
   * journal conflict, and the reversal recovery queued follows.
   */
  @Test
  void aHoldWhoseAnswerComesAfterRecoveryTookItGetsTheRecordedResult() throws Exception {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    HeldAnswerTransport wire = new HeldAnswerTransport(host, RequestType.HOLD);
    try (Fixture owner = new Fixture(host, wire, new InMemoryJournal(), 42,
        Executors.newScheduledThreadPool(2), Duration.ofSeconds(30),
        b -> b.recoverOnStart(false))) {
      CompletableFuture<Escrow> hold = owner.client.hold(Money.of("50.00", "CNY"))
          .reference("overtaken").card(TestCards.unionPayChip()).executeAsync();
      String escrowId = owner.journal.findByReference("overtaken").get().id();
      owner.clock.advance(Duration.ofHours(1));
      assertThat(owner.client.recover().requestsInDoubt()).isEqualTo(1);

      wire.answer(TransportOutcome.fromResponseCode("00", Map.of()));
      Escrow answered = hold.get(10, TimeUnit.SECONDS);

      assertThat(answered.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
      owner.events.awaitState(escrowId, EscrowState.REVERSED, Duration.ofSeconds(10));
      assertThat(host.ledger().entry(escrowId).get().holdActive()).isFalse();
    }
  }

  /**
   * As above for a capture, with recovery in a second client on the same journal (a capture is
   * serialized with its own client's recovery, not with another's).
   */
  @Test
  void aCaptureWhoseAnswerComesAfterAnotherClientRecoveredItGetsTheRecordedResult()
      throws Exception {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    HeldAnswerTransport wire = new HeldAnswerTransport(host, RequestType.CAPTURE);
    InMemoryJournal shared = new InMemoryJournal();
    try (Fixture owner = new Fixture(host, wire, shared, 42, Executors.newScheduledThreadPool(2),
        Duration.ofSeconds(30), b -> b.recoverOnStart(false));
        Fixture other = new Fixture(host, host, shared, 7, b -> b.recoverOnStart(false))) {
      Escrow held = owner.client.hold(Money.of("50.00", "CNY")).reference("overtaken-capture")
          .card(TestCards.unionPayChip()).execute();
      CompletableFuture<Escrow> capture = held.capture(Money.of("50.00", "CNY")).executeAsync();
      other.clock.advance(Duration.ofHours(1));
      assertThat(other.client.recover().requestsInDoubt()).isEqualTo(1);

      List<ILoggingEvent> logged = capturingLogs(() -> {
        wire.answer(TransportOutcome.fromResponseCode("00", Map.of()));
        return capture.get(10, TimeUnit.SECONDS);
      });
      Escrow answered = capture.get();

      assertThat(answered.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
      // The approval came too late to count; if the reversal got there first it stands at the
      // host, so an operator is told.
      assertThat(logged).anySatisfy(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getFormattedMessage())
            .contains(held.id()).contains("approved").contains("acquirer");
      });
      other.events.awaitState(held.id(), EscrowState.HELD, Duration.ofSeconds(10));
      assertThat(host.ledger().entry(held.id()).get().captured())
          .isEqualTo(Money.of("0.00", "CNY"));
    }
  }

  /**
   * Recovery lists the pending escrows, then takes each over in its turn: an escrow that moved on
   * meanwhile to a young request of its own (here, its capture answered and a void sent since)
   * is left to that request's sender, not reversed on the strength of the old listing.
   */
  @Test
  void anEscrowThatMovedOnToAYoungRequestSinceTheListingIsNotTakenOver() throws Exception {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    HeldAnswerTransport wire = new HeldAnswerTransport(host, RequestType.CAPTURE);
    InMemoryJournal shared = new InMemoryJournal();
    AtomicReference<EscrowSnapshot> listedLong = new AtomicReference<>();
    ForwardingJournal staleListing = new ForwardingJournal(shared) {
      @Override
      public List<EscrowSnapshot> findByStates(Set<EscrowState> states) {
        return states.contains(EscrowState.CAPTURE_PENDING) && listedLong.get() != null
            ? List.of(listedLong.get())
            : super.findByStates(states);
      }
    };
    try (Fixture owner = new Fixture(host, wire, shared, 42, Executors.newScheduledThreadPool(2),
        Duration.ofSeconds(30), b -> b.recoverOnStart(false));
        Fixture other = new Fixture(host, host, staleListing, 7, b -> b.recoverOnStart(false))) {
      Escrow held = owner.client.hold(Money.of("50.00", "CNY")).reference("moved-on")
          .card(TestCards.unionPayChip()).execute();
      CompletableFuture<Escrow> capture = held.capture(Money.of("50.00", "CNY")).executeAsync();
      listedLong.set(shared.find(held.id()).get()); // CAPTURE_PENDING, as a slow scan saw it
      wire.answer(TransportOutcome.fromResponseCode("00", Map.of()));
      Escrow captured = capture.get(10, TimeUnit.SECONDS);
      owner.clock.advance(Duration.ofHours(1));
      other.clock.advance(Duration.ofHours(1));
      host.injectNext(RequestType.VOID_CAPTURE, Fault.HANG);
      captured.voidCapture().executeAsync();
      assertThat(shared.find(held.id()).get().state()).isEqualTo(EscrowState.VOID_PENDING);

      assertThat(other.client.recover().requestsInDoubt()).isZero();

      assertThat(shared.find(held.id()).get().state()).isEqualTo(EscrowState.VOID_PENDING);
      assertThat(host.received(RequestType.REVERSAL)).isZero();
    }
  }

  private static List<ILoggingEvent> capturingLogs(java.util.concurrent.Callable<?> run)
      throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    try {
      run.call();
    } finally {
      root.detachAppender(captured);
    }
    return captured.list;
  }

  @Test
  void aYoungPendingRequestIsLeftToItsOwnClient() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    host.injectNext(RequestType.HOLD, Fault.HANG);
    try (Fixture owner = new Fixture(host, b -> b.recoverOnStart(false))) {
      owner.client.hold(Money.of("50.00", "CNY")).reference("young")
          .card(TestCards.unionPayChip()).executeAsync();
      assertThat(owner.journal.findByReference("young").get().state())
          .isEqualTo(EscrowState.HOLD_PENDING);
      assertThat(owner.client.recover().requestsInDoubt()).isZero();
    }
  }

  @Test
  void aJournalThatCannotRecordAnOutcomeStopsTheClient() {
    AtomicInteger writes = new AtomicInteger();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    ForwardingJournal failingSecondWrite = new ForwardingJournal(new InMemoryJournal()) {
      @Override
      public void write(JournalWrite write) {
        if (writes.incrementAndGet() == 2) {
          throw new IllegalStateException("disk full");
        }
        super.write(write);
      }
    };
    try (Fixture fixture = new Fixture(host, host, failingSecondWrite, b -> b)) {
      assertThatThrownBy(() -> fixture.client.hold(Money.of("10.00", "CNY")).reference("disk")
          .card(TestCards.unionPayChip()).execute())
          .isInstanceOf(JournalFailureException.class)
          .hasMessageContaining("journal could not record");
      assertThatThrownBy(() -> fixture.client.hold(Money.of("10.00", "CNY")).reference("after")
          .card(TestCards.unionPayChip()).execute())
          .isInstanceOf(JournalFailureException.class)
          .hasMessageContaining("client stopped");
      assertThat(host.received(RequestType.HOLD)).isEqualTo(1);
    }
  }
}
