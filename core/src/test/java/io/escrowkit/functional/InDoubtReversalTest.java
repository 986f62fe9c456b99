package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.failure.FailureCategory;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.WorkItem;
import io.escrowkit.testing.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InDoubtReversalTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Fixture fixture = new Fixture(InMemoryTransport.approvingAll());

  @AfterEach
  void close() {
    fixture.close();
  }

  private Escrow hold(String reference) {
    return fixture.client.hold(Money.of("128.00", "CNY")).reference(reference)
        .card(TestCards.unionPayChip()).execute();
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"REQUEST_LOST", "RESPONSE_LOST", "CONNECTION_RESET",
      "BAD_MAC", "HANG"})
  void holdWithAnUnknownOutcomeIsReversedAndLeavesNothingFrozen(Fault fault) {
    fixture.transport.injectNext(RequestType.HOLD, fault);
    Escrow inDoubt = hold("room-" + fault);
    assertThat(inDoubt.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
    assertThat(inDoubt.state()).isEqualTo(EscrowState.IN_DOUBT);

    fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSED, WAIT);

    assertThat(fixture.transport.ledger().entry(inDoubt.id()).map(e -> e.holdActive()))
        .isNotEqualTo(java.util.Optional.of(true));
    assertThat(fixture.journal.pendingWork()).isEmpty();
  }

  @Test
  void timeoutIsANetworkFailureThatNamesTheQueuedReversal() {
    fixture.transport.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
    Escrow inDoubt = hold("room-timeout");
    assertThat(inDoubt.failure().get().category()).isEqualTo(FailureCategory.NETWORK);
    assertThat(inDoubt.failure().get().retryable()).isTrue();
  }

  @Test
  void captureInDoubtIsReversedBackToHeldAndCanBeCapturedAgain() {
    Escrow held = hold("room-cap");
    fixture.transport.injectNext(RequestType.CAPTURE, Fault.RESPONSE_LOST);
    Escrow inDoubt = held.capture(Money.of("100.00", "CNY")).execute();
    assertThat(inDoubt.state()).isEqualTo(EscrowState.IN_DOUBT);

    // HELD was entered once already, by the hold: wait for the reversal to take it out of doubt.
    fixture.events.awaitLeaving(held.id(), EscrowState.IN_DOUBT, WAIT);
    assertThat(held.refresh().state()).isEqualTo(EscrowState.HELD);
    assertThat(fixture.transport.ledger().entry(held.id()).get().captured().isZero()).isTrue();

    Escrow captured = held.capture(Money.of("100.00", "CNY")).execute();
    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(fixture.transport.ledger().entry(held.id()).get().captured())
        .isEqualTo(Money.of("100.00", "CNY"));
  }

  @Test
  void aReversalIsCountedBeforeItLeavesAndEveryLaterOneIsARepeat() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    InMemoryJournal journal = new InMemoryJournal();
    List<String> reversalsSent = new CopyOnWriteArrayList<>();
    Transport wire = new Transport() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public CompletableFuture<TransportOutcome> send(TransportRequest request) {
        if (request.type() == RequestType.REVERSAL) {
          int counted = journal.pendingWork().stream()
              .filter(item -> item.id().equals(request.operationId()))
              .mapToInt(WorkItem::attempts).findFirst().orElse(-1);
          reversalsSent.add("counted " + counted + (request.repeat() ? ", repeat" : ", first"));
        }
        return host.send(request);
      }
    };
    host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
    host.injectNext(RequestType.REVERSAL, Fault.RESPONSE_LOST);
    try (Fixture counting = new Fixture(host, wire, journal, b -> b)) {
      Escrow inDoubt = counting.client.hold(Money.of("128.00", "CNY")).reference("room-count")
          .card(TestCards.unionPayChip()).execute();

      counting.events.awaitState(inDoubt.id(), EscrowState.REVERSED, WAIT);

      // A crash while the first is out would send the next as a repeat (0421 after 0420).
      assertThat(reversalsSent).containsExactly("counted 1, first", "counted 1, repeat");
    }
  }

  @Test
  void reversalIsRetriedUntilTheHostAcknowledges() {
    fixture.transport.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
    fixture.transport.injectNext(RequestType.REVERSAL, Fault.REQUEST_LOST);
    fixture.transport.injectNext(RequestType.REVERSAL, Fault.CONNECTION_RESET);
    Escrow inDoubt = hold("room-retry");

    fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSED, WAIT);

    assertThat(fixture.transport.received(RequestType.REVERSAL)).isEqualTo(3);
    assertThat(fixture.transport.reversalsApplied()).isEqualTo(1);
    assertThat(fixture.transport.ledger().entry(inDoubt.id()).get().holdActive()).isFalse();
  }

  @Test
  void commandsAreRefusedWhileAReversalIsOwed() {
    try (Fixture unreachable = new Fixture(InMemoryTransport.create(
        request -> request.type() == RequestType.REVERSAL ? Fault.REQUEST_LOST : Fault.NONE,
        request -> java.util.Optional.empty()))) {
      Escrow held = unreachable.client.hold(Money.of("128.00", "CNY")).reference("room-wait")
          .card(TestCards.unionPayChip()).execute();
      unreachable.transport.injectNext(RequestType.RELEASE, Fault.RESPONSE_LOST);
      Escrow inDoubt = held.release().execute();
      assertThat(inDoubt.state()).isEqualTo(EscrowState.IN_DOUBT);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> held.capture(Money.of("1.00", "CNY")).execute())
          .hasMessageContaining("IN_DOUBT")
          .hasMessageContaining("reversal is pending");
      assertThat(unreachable.journal.pendingWork()).hasSize(1);
    }
  }

  /** The refusal of a new hold while a reversal is owed names the escrow that owes it. */
  @Test
  void aHoldRefusedWhileAReversalIsOwedNamesTheEscrowThatOwesIt() {
    try (Fixture unreachable = new Fixture(InMemoryTransport.create(
        request -> request.type() == RequestType.REVERSAL ? Fault.REQUEST_LOST : Fault.NONE,
        request -> java.util.Optional.empty()))) {
      unreachable.transport.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
      Escrow inDoubt = unreachable.client.hold(Money.of("128.00", "CNY")).reference("room-owes")
          .card(TestCards.unionPayChip()).execute();

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> unreachable.client.hold(Money.of("20.00", "CNY")).reference("room-next")
                  .card(TestCards.unionPayChip()).execute())
          .isInstanceOf(io.escrowkit.ReversalPendingException.class)
          .hasMessageContaining("1 reversal(s), for escrow(s) " + inDoubt.id())
          .satisfies(thrown -> {
            io.escrowkit.failure.Failure failure =
                ((io.escrowkit.ReversalPendingException) thrown).failure();
            // Not "check the network": nothing was sent, and the reversal goes on by itself.
            assertThat(failure.code()).isEqualTo("NETWORK/REVERSAL_PENDING");
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.remedy().en()).contains("same idempotency key");
          });
    }
  }
}
