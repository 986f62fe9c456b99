package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.SchemeProfile;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.failure.FailureCategory;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.FaultPlan;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.RecordingTransport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reversal the host refuses: for good (a code that sending it again would not change), the
 * escrow ends REVERSAL_REFUSED for an operator and the terminal goes on; for a reason that may
 * pass, it is sent again until acknowledged.
 */
class RefusedReversalTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * Answers the first requests of one type with scripted codes, in turn ("pass" hands one to the
   * in-memory host), and passes every other request (and later ones of the type) to that host.
   * Threadsafe.
   */
  private static final class ScriptedAnswers implements Transport {
    private final Transport host;
    private final RequestType type;
    private final Deque<String> codes;

    ScriptedAnswers(Transport host, RequestType type, String... codes) {
      this.host = host;
      this.type = type;
      this.codes = new ArrayDeque<>(List.of(codes));
    }

    static ScriptedAnswers toReversals(Transport host, String... codes) {
      return new ScriptedAnswers(host, RequestType.REVERSAL, codes);
    }

    @Override
    public String name() {
      return "scripted-" + type + ":" + host.name();
    }

    @Override
    public CompletableFuture<TransportOutcome> send(TransportRequest request) {
      String code;
      synchronized (this) {
        code = request.type() == type ? codes.poll() : null;
      }
      if (code == null || code.equals("pass")) {
        return host.send(request);
      }
      // "63/mac": 63, read by the transport as the host's refusal of the request's MAC.
      String[] parts = code.split("/");
      Map<String, String> references = parts.length > 1
          ? Map.of(HostReference.MAC_REFUSED, parts[0]) : Map.of();
      return CompletableFuture.completedFuture(
          TransportOutcome.fromResponseCode(parts[0], references));
    }
  }

  private static Escrow hold(Fixture fixture, String reference) {
    return fixture.client.hold(Money.of("128.00", "CNY")).reference(reference)
        .card(TestCards.unionPayChip()).execute();
  }

  /** A hold whose capture of 100.00 under key "cap-1" went in doubt and was reversed since. */
  private static Escrow heldAfterACaptureInDoubtWasReversed(Fixture fixture, String reference) {
    Escrow held = hold(fixture, reference);
    fixture.transport.injectNext(RequestType.CAPTURE, Fault.RESPONSE_LOST);
    Escrow inDoubt = held.capture(Money.of("100.00", "CNY")).idempotencyKey("cap-1").execute();
    assertThat(inDoubt.state()).isEqualTo(EscrowState.IN_DOUBT);
    fixture.events.awaitLeaving(held.id(), EscrowState.IN_DOUBT, WAIT);
    return held;
  }

  /** A hold whose answer is lost: in doubt, its reversal owed. */
  private static Escrow holdInDoubt(Fixture fixture, String reference) {
    fixture.transport.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
    Escrow inDoubt = hold(fixture, reference);
    assertThat(inDoubt.state()).isEqualTo(EscrowState.IN_DOUBT);
    return inDoubt;
  }

  /**
   * An original amount the host says is wrong (64), a plain decline (05), a function it does not
   * offer (40), a security violation the transport did not read as a MAC refusal (63: UnionPay's
   * is A0), and a code the catalog does not know (N7): the host would answer the same again.
   */
  @ParameterizedTest
  @ValueSource(strings = {"64", "05", "40", "63", "N7"})
  void aReversalRefusedForGoodLeavesTheEscrowToAnOperatorAndFreesTheTerminal(String code) {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RecordingTransport wire = new RecordingTransport(ScriptedAnswers.toReversals(host, code));
    try (Fixture fixture = new Fixture(host, wire, b -> b)) {
      Escrow inDoubt = holdInDoubt(fixture, "room-" + code);

      fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSAL_REFUSED, WAIT);

      assertThat(wire.sent(RequestType.REVERSAL)).hasSize(1);
      assertThat(fixture.journal.pendingWork()).isEmpty();
      Escrow refused = fixture.client.escrow(inDoubt.id()).get();
      assertThat(refused.state().isTerminal()).isTrue();
      assertThat(refused.snapshot().hostReferences())
          .containsEntry(HostReference.REVERSAL_RESPONSE_CODE, code);
      assertThat(refused.failure()).hasValueSatisfying(failure -> {
        assertThat(failure.code()).isEqualTo("REVERSAL_REFUSED/" + code);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.category()).isNotEqualTo(FailureCategory.INTERNAL);
        assertThat(failure.remedy().en()).contains("acquirer");
        assertThat(failure.remedy().zh()).contains("收单机构");
      });
      assertThat(fixture.events.eventsOf(inDoubt.id()))
          .anySatisfy(event -> assertThat(event.cause())
              .contains("REVERSAL_REFUSED/" + code).contains("NOT reversed"));
      // The host may hold the funds: the hold still stands at the in-memory host, as it would.
      assertThat(host.ledger().entry(inDoubt.id()).get().holdActive()).isTrue();

      // UnionPay sends owed reversals before each new request: none is owed any more.
      Escrow next = hold(fixture, "room-next-" + code);
      assertThat(next.state()).isEqualTo(EscrowState.HELD);
      assertThat(wire.sent(RequestType.REVERSAL)).hasSize(1);
    }
  }

  /**
   * The acquirer down (96), MAC trouble after a key change (A0, and an ISO 87 host's 63 that the
   * transport marks as such), a format error a sign-on may cure (30), and 94 to a first attempt
   * (the host has a reversal of this trace already): sent again, and the repeat is acknowledged.
   */
  @ParameterizedTest
  @ValueSource(strings = {"96", "A0", "63/mac", "30", "94"})
  void aReversalRefusedForAPassingReasonIsSentAgainUntilAcknowledged(String code) {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RecordingTransport wire = new RecordingTransport(ScriptedAnswers.toReversals(host, code));
    try (Fixture fixture = new Fixture(host, wire, b -> b)) {
      Escrow inDoubt = holdInDoubt(fixture, "room-" + code);

      fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSED, WAIT);

      assertThat(wire.sent(RequestType.REVERSAL)).hasSize(2);
      assertThat(wire.sent(RequestType.REVERSAL).get(1).repeat()).isTrue();
      assertThat(host.ledger().entry(inDoubt.id()).get().holdActive()).isFalse();
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  /**
   * A reversal the host cannot read (30 format error, 99 UnionPay's PIN block format error) is
   * sent again, since the trouble may pass at the host, but it goes unchanged: the third such
   * answer in a row is final, and the terminal's other requests no longer wait for it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"30", "99"})
  void aReversalTheHostCannotReadGoesThreeTimesThenToAnOperator(String code) {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RecordingTransport wire =
        new RecordingTransport(ScriptedAnswers.toReversals(host, code, code, code, code));
    try (Fixture fixture = new Fixture(host, wire, b -> b)) {
      Escrow inDoubt = holdInDoubt(fixture, "room-unread-" + code);

      fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSAL_REFUSED, WAIT);

      assertThat(wire.sent(RequestType.REVERSAL)).hasSize(3);
      assertThat(fixture.journal.pendingWork()).isEmpty();
      assertThat(fixture.client.escrow(inDoubt.id()).get().failure())
          .hasValueSatisfying(failure ->
              assertThat(failure.code()).isEqualTo("REVERSAL_REFUSED/" + code));
      assertThat(hold(fixture, "room-unread-next-" + code).state()).isEqualTo(EscrowState.HELD);
    }
  }

  /** Two answers of 30, then the third send is acknowledged: reversed, as before. */
  @Test
  void aReversalUnreadableTwiceIsStillReversedOnItsThirdSend() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RecordingTransport wire = new RecordingTransport(ScriptedAnswers.toReversals(host, "30", "30"));
    try (Fixture fixture = new Fixture(host, wire, b -> b)) {
      Escrow inDoubt = holdInDoubt(fixture, "room-unread-twice");

      fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSED, WAIT);

      assertThat(wire.sent(RequestType.REVERSAL)).hasSize(3);
      assertThat(host.ledger().entry(inDoubt.id()).get().holdActive()).isFalse();
    }
  }

  /** Other answers between them start the count again: 30, 96, 96, 30, 30, then acknowledged. */
  @Test
  void onlyUnreadableAnswersInARowCount() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RecordingTransport wire =
        new RecordingTransport(ScriptedAnswers.toReversals(host, "30", "96", "96", "30", "30"));
    try (Fixture fixture = new Fixture(host, wire, b -> b)) {
      Escrow inDoubt = holdInDoubt(fixture, "room-unread-mixed");

      fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSED, WAIT);

      assertThat(wire.sent(RequestType.REVERSAL)).hasSize(6);
    }
  }

  /**
   * UnionPay forwards a refund whose answer was lost (the host refunded). Repeats the host cannot
   * read (30) say nothing of whether it has the first, and a forwarded request holds up no other:
   * it goes again until the host answers it, and the refund is booked once, as the host has it.
   */
  @Test
  void aForwardedRefundTheHostCannotReadGoesAgainUntilAnswered() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RecordingTransport wire = new RecordingTransport(
        new ScriptedAnswers(host, RequestType.REFUND, "pass", "30", "30", "30", "30"));
    try (Fixture fixture = new Fixture(host, wire, b -> b)) {
      Escrow held = hold(fixture, "room-refund-unread");
      held.capture(Money.of("100.00", "CNY")).execute();
      host.injectNext(RequestType.REFUND, Fault.RESPONSE_LOST);
      Escrow pending = held.refresh().refund(Money.of("40.00", "CNY")).execute();
      assertThat(pending.state()).isEqualTo(EscrowState.REFUND_PENDING);

      fixture.events.awaitState(held.id(), EscrowState.PARTIALLY_REFUNDED, WAIT);

      assertThat(wire.sent(RequestType.REFUND)).hasSize(6);
      assertThat(fixture.journal.pendingWork()).isEmpty();
      assertThat(host.ledger().entry(held.id()).get().refunded())
          .isEqualTo(Money.of("40.00", "CNY"));
    }
  }

  /**
   * Hold 100, capture 30, capture 20 final: the remainder's cancel is owed (answered 96 for now).
   * A void of the 20 is lost (the host applied it and restored the hold) and its reversal refused:
   * what the host holds is unknown, so the remainder's cancel is not sent, for an operator.
   */
  @Test
  void noRemainderCancelGoesForAnEscrowWhoseVoidsReversalWasRefused() {
    AtomicBoolean hostDown = new AtomicBoolean(true);
    InMemoryTransport host = InMemoryTransport.create(FaultPlan.none(),
        request -> request.type() == RequestType.RELEASE && hostDown.get()
            ? Optional.of("96") : Optional.empty())
        .withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(ScriptedAnswers.toReversals(host, "64"));
    try (Fixture fixture = new Fixture(host, wire, b -> b.profile(SchemeProfile.genericCard()))) {
      Escrow held = fixture.client.hold(Money.of("100.00", "CNY")).reference("room-void")
          .card(TestCards.unionPayChip()).execute();
      held.capture(Money.of("30.00", "CNY")).execute();
      Escrow captured = held.capture(Money.of("20.00", "CNY")).finalCapture().execute();
      fixture.events.awaitCause(captured.id(), "remainder 50.00 CNY to be released", WAIT);
      host.injectNext(RequestType.VOID_CAPTURE, Fault.RESPONSE_LOST);
      assertThat(captured.voidCapture().execute().state()).isEqualTo(EscrowState.IN_DOUBT);
      fixture.events.awaitState(captured.id(), EscrowState.REVERSAL_REFUSED, WAIT);
      int cancelsWhileDown = wire.sent(RequestType.RELEASE).size();

      hostDown.set(false);
      fixture.events.awaitCause(captured.id(), "remainder NOT released", WAIT);

      assertThat(wire.sent(RequestType.RELEASE)).hasSize(cancelsWhileDown);
      assertThat(fixture.journal.pendingWork()).isEmpty();
      assertThat(host.ledger().entry(captured.id()).get().holdActive()).isTrue();
    }
  }

  /** A bounded journal keeps an escrow left to an operator, and its failure with it. */
  @Test
  void aBoundedJournalKeepsAnEscrowWhoseReversalWasRefused() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    InMemoryJournal journal = InMemoryJournal.withCapacity(2);
    try (Fixture fixture = new Fixture(host, ScriptedAnswers.toReversals(host, "64"), journal,
        b -> b)) {
      Escrow inDoubt = holdInDoubt(fixture, "room-kept");
      fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSAL_REFUSED, WAIT);

      for (int i = 0; i < 3; i++) {
        hold(fixture, "room-" + i).release().execute();
      }

      assertThat(fixture.client.escrow(inDoubt.id()))
          .hasValueSatisfying(kept -> assertThat(kept.failure()).hasValueSatisfying(failure ->
              assertThat(failure.detail()).contains("HOLD 128.00 CNY (terminal "
                  + Fixture.TERMINAL + ", trace ")));
    }
  }

  /**
   * The caller of a hold whose reversal the host refused, asking again with the same key, is told
   * how it ended (left to an operator), not "in doubt, wait for the reversal, then try again":
   * trying again with a new key could hold the card twice.
   */
  @Test
  void askingAgainWithTheSameKeyTellsTheCallerItIsLeftToAnOperator() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    try (Fixture fixture = new Fixture(host, ScriptedAnswers.toReversals(host, "64"), b -> b)) {
      host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
      Escrow inDoubt = fixture.client.hold(Money.of("128.00", "CNY")).reference("room-again")
          .card(TestCards.unionPayChip()).idempotencyKey("till-7-sale-42").execute();
      assertThat(inDoubt.failure().get().retryable()).isTrue();
      fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSAL_REFUSED, WAIT);

      Escrow again = fixture.client.hold(Money.of("128.00", "CNY")).reference("room-again")
          .card(TestCards.unionPayChip()).idempotencyKey("till-7-sale-42").execute();

      assertThat(again.id()).isEqualTo(inDoubt.id());
      assertThat(again.state()).isEqualTo(EscrowState.REVERSAL_REFUSED);
      assertThat(again.failure()).hasValueSatisfying(failure -> {
        assertThat(failure.code()).isEqualTo("REVERSAL_REFUSED/64");
        assertThat(failure.retryable()).isFalse();
      });
      assertThat(inDoubt.refresh().failure().get().code()).isEqualTo("REVERSAL_REFUSED/64");
    }
  }

  /**
   * A capture in doubt, reversed back to HELD, then captured under another key: asking again under
   * the first key does not show the later capture's effect as how the in-doubt one ended.
   */
  @Test
  void aReplayedInDoubtCaptureDoesNotShowALaterCaptureAsItsEnding() {
    try (Fixture fixture = new Fixture(InMemoryTransport.approvingAll())) {
      Escrow held = heldAfterACaptureInDoubtWasReversed(fixture, "room-later");
      held.refresh().capture(Money.of("100.00", "CNY")).idempotencyKey("cap-2").execute();

      Escrow replayed = held.capture(Money.of("100.00", "CNY")).idempotencyKey("cap-1").execute();

      assertThat(replayed.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
      assertThat(replayed.state()).isNotEqualTo(EscrowState.CAPTURED);
    }
  }

  /** A capture in doubt, reversed back to HELD, nothing since: asking again shows it back there. */
  @Test
  void aReplayedInDoubtCaptureWhoseReversalWasAcknowledgedShowsTheEscrowBackWhereItWas() {
    try (Fixture fixture = new Fixture(InMemoryTransport.approvingAll())) {
      Escrow held = heldAfterACaptureInDoubtWasReversed(fixture, "room-back");

      Escrow replayed = held.capture(Money.of("100.00", "CNY")).idempotencyKey("cap-1").execute();

      assertThat(replayed.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
      assertThat(replayed.state()).isEqualTo(EscrowState.HELD);
    }
  }

  /** UnionPay forwards refunds: once the host took one, asking again does not say it is pending. */
  @Test
  void aReplayedForwardedRefundShowsHowItEnded() {
    try (Fixture fixture = new Fixture(InMemoryTransport.approvingAll())) {
      Escrow held = hold(fixture, "room-refund");
      held.capture(Money.of("100.00", "CNY")).execute();
      fixture.transport.injectNext(RequestType.REFUND, Fault.RESPONSE_LOST);
      Escrow pending = held.refresh().refund(Money.of("40.00", "CNY")).idempotencyKey("ref-1")
          .execute();
      assertThat(pending.state()).isEqualTo(EscrowState.REFUND_PENDING);
      fixture.events.awaitState(held.id(), EscrowState.PARTIALLY_REFUNDED, WAIT);

      Escrow replayed = held.refresh().refund(Money.of("40.00", "CNY")).idempotencyKey("ref-1")
          .execute();

      assertThat(replayed.state()).isEqualTo(EscrowState.PARTIALLY_REFUNDED);
    }
  }
}
