package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.AdvicePendingException;
import io.escrowkit.Escrow;
import io.escrowkit.EscrowClientBuilder;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.failure.Failure;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.FaultPlan;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import io.escrowkit.spi.WorkItem;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.ForwardingJournal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A capture the terminal approves offline counts at once, in the write that queues its completion
 * advice; the advice goes until the host acknowledges it, is never reversed, and a refusal is kept
 * for an operator.
 */
class OfflineCaptureTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  /** Records every journal write and every request the client sends. */
  private final List<JournalWrite> writes = new CopyOnWriteArrayList<>();
  private final List<TransportRequest> sent = new CopyOnWriteArrayList<>();
  private final CompletableFuture<TransportRequest> adviceSent = new CompletableFuture<>();

  private Fixture fixture(InMemoryTransport host) {
    ForwardingJournal journal = new ForwardingJournal(new InMemoryJournal()) {
      @Override
      public void write(JournalWrite write) {
        super.write(write);
        writes.add(write);
      }
    };
    return fixture(host, journal, b -> b);
  }

  private Fixture fixture(InMemoryTransport host, Journal journal,
      UnaryOperator<EscrowClientBuilder> more) {
    return fixture(host, journal, more, request -> false);
  }

  /** A fixture whose requests matching {@code lost} never reach the host (no answer). */
  private Fixture fixture(InMemoryTransport host, Journal journal,
      UnaryOperator<EscrowClientBuilder> more, Predicate<TransportRequest> lost) {
    Transport wire = new Transport() {
      @Override
      public String name() {
        return "recording";
      }

      @Override
      public CompletableFuture<TransportOutcome> send(TransportRequest request) {
        sent.add(request);
        if (request.type() == RequestType.CAPTURE_ADVICE) {
          adviceSent.complete(request);
        }
        if (lost.test(request)) {
          return CompletableFuture.completedFuture(
              TransportOutcome.unknown(UnknownReason.TIMEOUT, "no answer (request lost)"));
        }
        return host.send(request);
      }
    };
    return new Fixture(host, wire, journal, more);
  }

  private static Escrow hold(Fixture fixture) {
    return fixture.client.hold(Money.of("100.00", "CNY")).reference("offline")
        .card(TestCards.unionPayChip()).execute();
  }

  @Test
  void anOfflineCaptureCountsAtOnceAndItsAdviceIsRepeatedUntilAcknowledged() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    try (Fixture fixture = fixture(host)) {
      Escrow held = hold(fixture);
      host.injectNext(RequestType.CAPTURE_ADVICE, Fault.RESPONSE_LOST);
      host.injectNext(RequestType.CAPTURE_ADVICE, Fault.CONNECTION_RESET);

      Escrow captured = held.capture(Money.of("80.00", "CNY")).offline().execute();

      assertThat(captured.result().get().status()).isEqualTo(OperationStatus.APPROVED);
      assertThat(captured.result().get().responseCode()).isEmpty();
      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
      JournalWrite capture = writes.stream()
          .filter(w -> w.snapshot().map(s -> s.state() == EscrowState.CAPTURED).orElse(false))
          .findFirst().get();
      assertThat(capture.enqueue()).singleElement()
          .satisfies(item -> assertThat(item.kind()).isEqualTo(WorkItem.Kind.COMPLETION_ADVICE));
      assertThat(capture.idempotency().get().result()).contains(captured.result().get());

      fixture.events.awaitLeaving(held.id(), EscrowState.CAPTURED, LIMIT);

      assertThat(sent).filteredOn(r -> r.type() != RequestType.HOLD)
          .extracting(r -> r.type() + (r.repeat() ? " repeat" : ""))
          .containsExactly("CAPTURE_ADVICE", "CAPTURE_ADVICE repeat", "CAPTURE_ADVICE repeat");
      assertThat(sent).filteredOn(r -> r.type() == RequestType.CAPTURE_ADVICE)
          .allSatisfy(r -> {
            assertThat(r.trace()).isEqualTo(captured.snapshot().captures().get(0).trace());
            assertThat(r.completesHold()).isTrue();
            // fields 12/13 say when it was captured, however late each advice goes
            assertThat(r.transactedAt()).isEqualTo(captured.snapshot().captures().get(0).at());
            assertThat(r.transmittedAt()).isAfterOrEqualTo(r.transactedAt());
          });
      assertThat(host.ledger().entry(held.id()).get().captured())
          .isEqualTo(Money.of("80.00", "CNY"));
      assertThat(host.ledger().entry(held.id()).get().holdActive()).isFalse();
      assertThat(fixture.journal.pendingWork()).isEmpty();
      assertThat(held.refresh().state()).isEqualTo(EscrowState.CAPTURED);
    }
  }

  @Test
  void anAdviceStillOwedWhenTheClientStopsIsSentByTheNextClientAsARepeat() throws Exception {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    Journal journal = new InMemoryJournal();
    String escrowId;
    // The first client's advices never reach the host, also any it still sends while closing.
    try (Fixture first = fixture(host, journal, b -> b,
        request -> request.type() == RequestType.CAPTURE_ADVICE)) {
      Escrow held = hold(first);
      escrowId = held.id();
      held.capture(Money.of("100.00", "CNY")).offline().execute();
      assertThat(adviceSent.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS).repeat()).isFalse();
    }
    int sentBefore = sent.size();

    try (Fixture second =
        fixture(host, journal, b -> b.recoveryInterval(Duration.ofMillis(100)))) {
      second.events.awaitLeaving(escrowId, EscrowState.CAPTURED, LIMIT);

      assertThat(sent.subList(sentBefore, sent.size()))
          .isNotEmpty()
          .allSatisfy(r -> {
            assertThat(r.type()).isEqualTo(RequestType.CAPTURE_ADVICE);
            assertThat(r.repeat()).isTrue();
          });
      assertThat(host.ledger().entry(escrowId).get().captured())
          .isEqualTo(Money.of("100.00", "CNY"));
      assertThat(host.received(RequestType.REVERSAL)).isZero();
      assertThat(journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void aRefusedAdviceEndsAdviceDeclinedWithAFailureForTheOperator() {
    InMemoryTransport host = InMemoryTransport.create(FaultPlan.none(),
        r -> r.type() == RequestType.CAPTURE_ADVICE ? Optional.of("25") : Optional.empty());
    try (Fixture fixture = fixture(host)) {
      Escrow held = hold(fixture);

      held.capture(Money.of("100.00", "CNY")).offline().execute();

      fixture.events.awaitState(held.id(), EscrowState.ADVICE_DECLINED, LIMIT);
      Escrow declined = held.refresh();
      Failure failure = declined.failure().get();
      assertThat(failure.code()).isEqualTo("ADVICE_DECLINED/25");
      assertThat(failure.responseCode()).contains("25");
      assertThat(failure.retryable()).isFalse();
      assertThat(failure.remedy(Locale.SIMPLIFIED_CHINESE)).contains("收单机构");
      assertThat(failure.remedy(Locale.ENGLISH)).contains("acquirer");
      assertThat(declined.timeline()).last()
          .satisfies(event -> assertThat(event.cause()).contains("ADVICE_DECLINED/25"));
      assertThat(host.received(RequestType.CAPTURE_ADVICE)).isEqualTo(1);
      assertThat(host.received(RequestType.REVERSAL)).isZero();
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  /** Host or switch down (96, 91), MAC or key trouble after a key change (A0, A7), batch (77). */
  @ParameterizedTest
  @ValueSource(strings = {"96", "91", "A0", "A7", "77"})
  void anAdviceRefusedForAPassingReasonIsAskedAgain(String passing) {
    AtomicInteger refusals = new AtomicInteger();
    InMemoryTransport host = InMemoryTransport.create(FaultPlan.none(),
        r -> r.type() == RequestType.CAPTURE_ADVICE && refusals.getAndIncrement() == 0
            ? Optional.of(passing) : Optional.empty());
    try (Fixture fixture = fixture(host)) {
      Escrow held = hold(fixture);

      held.capture(Money.of("100.00", "CNY")).offline().execute();

      fixture.events.awaitLeaving(held.id(), EscrowState.CAPTURED, LIMIT);
      assertThat(held.refresh().state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(host.received(RequestType.CAPTURE_ADVICE)).isEqualTo(2);
      assertThat(host.ledger().entry(held.id()).get().captured())
          .isEqualTo(Money.of("100.00", "CNY"));
    }
  }

  @Test
  void aDuplicateAnswerMeansTheHostHasTheAdviceAlready() {
    InMemoryTransport host = InMemoryTransport.create(FaultPlan.none(),
        r -> r.type() == RequestType.CAPTURE_ADVICE ? Optional.of("94") : Optional.empty());
    try (Fixture fixture = fixture(host)) {
      Escrow held = hold(fixture);

      held.capture(Money.of("100.00", "CNY")).offline().execute();

      fixture.events.awaitCause(held.id(), "completion advice of the offline capture acknowledged"
          + " (94)", LIMIT);
      assertThat(held.refresh().state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(host.received(RequestType.CAPTURE_ADVICE)).isEqualTo(1);
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void noOtherOperationIsSentWhileTheAdviceIsOwed() {
    InMemoryTransport host = InMemoryTransport.create(
        r -> r.type() == RequestType.CAPTURE_ADVICE ? Fault.REQUEST_LOST : Fault.NONE,
        r -> Optional.empty());
    try (Fixture fixture = fixture(host)) {
      Escrow held = hold(fixture);
      Escrow captured = held.capture(Money.of("100.00", "CNY")).offline().execute();

      assertThatThrownBy(() -> captured.voidCapture().execute())
          .isInstanceOf(AdvicePendingException.class)
          .hasMessageContaining(held.id());

      assertThat(host.received(RequestType.VOID_CAPTURE)).isZero();
      assertThat(host.received(RequestType.CAPTURE_ADVICE)).isGreaterThanOrEqualTo(1);
      assertThat(held.refresh().state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(fixture.journal.pendingWork())
          .extracting(WorkItem::kind).containsExactly(WorkItem.Kind.COMPLETION_ADVICE);
    }
  }

  @Test
  void anOfflineCaptureDoesNotWaitForTheReversalsTheTerminalOwes() {
    AtomicBoolean hostDown = new AtomicBoolean(false);
    InMemoryTransport host = InMemoryTransport.create(
        r -> hostDown.get() ? Fault.REQUEST_LOST : Fault.NONE, r -> Optional.empty());
    try (Fixture fixture = fixture(host)) {
      Escrow other = hold(fixture);
      Escrow held = hold(fixture);
      hostDown.set(true);
      assertThat(other.capture(Money.of("10.00", "CNY")).execute().result().get().status())
          .isEqualTo(OperationStatus.IN_DOUBT);

      Escrow captured = held.capture(Money.of("100.00", "CNY")).offline().execute();

      assertThat(captured.result().get().status()).isEqualTo(OperationStatus.APPROVED);
      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(fixture.journal.pendingWork()).extracting(WorkItem::kind)
          .contains(WorkItem.Kind.REVERSAL, WorkItem.Kind.COMPLETION_ADVICE);
    }
  }

  @Test
  void anOfflineCaptureOverTheToleranceIsRefusedAndNothingIsOwed() {
    try (Fixture fixture = fixture(InMemoryTransport.approvingAll())) {
      Escrow held = hold(fixture);

      Escrow refused = held.capture(Money.of("200.00", "CNY")).offline().execute();

      assertThat(refused.result().get().status()).isEqualTo(OperationStatus.REFUSED);
      assertThat(refused.failure().get().code()).isEqualTo("OPERATOR/CAPTURE_OVER_TOLERANCE");
      assertThat(refused.state()).isEqualTo(EscrowState.HELD);
      assertThat(fixture.journal.pendingWork()).isEmpty();
      assertThat(fixture.transport.received(RequestType.CAPTURE_ADVICE)).isZero();
    }
  }
}
