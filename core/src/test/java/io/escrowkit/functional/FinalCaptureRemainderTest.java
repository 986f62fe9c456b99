package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.SchemeProfile;
import io.escrowkit.TransitionEvent;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.FaultPlan;
import io.escrowkit.memory.HostLedger;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.WorkItem;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.ForwardingJournal;
import io.escrowkit.testing.RecordingTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A final capture below the hold over a transport that cannot mark it final (as ISO 8583): the
 * client cancels the remainder itself, durably, until the host answers, and never reverses it.
 */
class FinalCaptureRemainderTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Money HOLD = cny("100.00");

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private static Fixture multiCapture(InMemoryTransport host, RecordingTransport wire) {
    return new Fixture(host, wire, b -> b.profile(SchemeProfile.genericCard()));
  }

  private static Escrow captureThirtyThenTwentyFinal(Fixture fixture) {
    Escrow held = fixture.client.hold(HOLD).reference("room-1208")
        .card(TestCards.unionPayChip()).execute();
    held.capture(cny("30.00")).execute();
    return held.capture(cny("20.00")).finalCapture().execute();
  }

  /** Holds 100.00, captures 30.00 and releases the rest; the escrow as the release left it. */
  private static Escrow captureThirtyThenRelease(Fixture fixture) {
    Escrow held = fixture.client.hold(HOLD).reference("room-1208")
        .card(TestCards.unionPayChip()).execute();
    held.capture(cny("30.00")).execute();
    return held.release().execute();
  }

  /**
   * Captures 30.00 then 20.00 final through a client whose process ends before its worker gets to
   * the owed cancel; returns the escrow's id.
   */
  private static String captureFinalThenStop(InMemoryTransport host, InMemoryJournal journal) {
    ForwardingJournal neverWorking = new ForwardingJournal(journal) {
      @Override
      public List<WorkItem> claimDueWork(Instant now, int limit, Duration lease) {
        return List.of();
      }
    };
    try (Fixture doomed = new Fixture(host, host, neverWorking,
        b -> b.profile(SchemeProfile.genericCard()))) {
      return captureThirtyThenTwentyFinal(doomed).id();
    }
  }

  private static HostLedger.Entry hostEntry(Fixture fixture, Escrow escrow) {
    return fixture.transport.ledger().entry(escrow.id()).get();
  }

  @Test
  void finalPartialCaptureIsFollowedByACancelOfTheRemainder() {
    InMemoryTransport host = InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = multiCapture(host, wire)) {
      Escrow captured = captureThirtyThenTwentyFinal(fixture);

      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(captured.snapshot().held()).isEqualTo(HOLD);
      assertThat(captured.snapshot().captured()).isEqualTo(cny("50.00"));
      assertThat(captured.snapshot().remainingHold().isZero()).isTrue();
      fixture.events.awaitCause(captured.id(), "remainder 50.00 CNY released (00)", WAIT);

      List<TransportRequest> cancels = wire.sent(RequestType.RELEASE);
      assertThat(cancels).extracting(TransportRequest::amount).containsExactly(cny("50.00"));
      assertThat(cancels.get(0).holdAmount()).isEqualTo(HOLD);
      HostLedger.Entry entry = hostEntry(fixture, captured);
      assertThat(entry.captured()).isEqualTo(cny("50.00"));
      assertThat(entry.holdActive()).isFalse();
      assertThat(fixture.journal.pendingWork()).isEmpty();
      assertThat(captured.refresh().state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(captured.timeline()).extracting(TransitionEvent::cause)
          .anyMatch(cause -> cause.endsWith("remainder 50.00 CNY to be released"));
    }
  }

  @Test
  void offlineFinalCaptureCancelsTheRemainderOnlyAfterItsAdviceIsBooked() {
    InMemoryTransport host = InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = multiCapture(host, wire)) {
      Escrow held = fixture.client.hold(HOLD).reference("room-1209")
          .card(TestCards.unionPayChip()).execute();
      Escrow captured = held.capture(cny("40.00")).finalCapture().offline().execute();

      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
      fixture.events.awaitCause(captured.id(), "remainder 60.00 CNY released (00)", WAIT);

      assertThat(wire.sent()).extracting(TransportRequest::type)
          .containsExactly(RequestType.HOLD, RequestType.CAPTURE_ADVICE, RequestType.RELEASE);
      assertThat(wire.sent(RequestType.RELEASE)).extracting(TransportRequest::amount)
          .containsExactly(cny("60.00"));
      HostLedger.Entry entry = hostEntry(fixture, captured);
      assertThat(entry.captured()).isEqualTo(cny("40.00"));
      assertThat(entry.holdActive()).isFalse();
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"REQUEST_LOST", "RESPONSE_LOST", "CONNECTION_RESET"})
  void aCancelWithoutAnswerIsSentAgainWithANewTraceNeverReversed(Fault fault) {
    InMemoryTransport host = InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(host);
    host.injectNext(RequestType.RELEASE, fault);
    try (Fixture fixture = multiCapture(host, wire)) {
      Escrow captured = captureThirtyThenTwentyFinal(fixture);

      fixture.events.awaitCause(captured.id(), "remainder 50.00 CNY released", WAIT);

      List<TransportRequest> cancels = wire.sent(RequestType.RELEASE);
      assertThat(cancels).hasSize(2);
      assertThat(cancels.get(1).trace()).isNotEqualTo(cancels.get(0).trace());
      assertThat(host.received(RequestType.REVERSAL)).isZero();
      assertThat(hostEntry(fixture, captured).holdActive()).isFalse();
      assertThat(hostEntry(fixture, captured).captured()).isEqualTo(cny("50.00"));
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void aCancelOwedWhenTheClientStoppedIsSentOnceByTheNextClientsRecovery() {
    InMemoryTransport host = InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
    InMemoryJournal shared = new InMemoryJournal();
    String escrowId = captureFinalThenStop(host, shared);
    assertThat(shared.pendingWork()).extracting(WorkItem::kind)
        .containsExactly(WorkItem.Kind.RELEASE_REMAINDER);
    assertThat(host.received(RequestType.RELEASE)).isZero();
    assertThat(host.ledger().entry(escrowId).get().holdActive()).isTrue();

    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture successor = new Fixture(host, wire, shared,
        b -> b.profile(SchemeProfile.genericCard()).recoverOnStart(false))) {
      successor.clock.advance(Duration.ofMinutes(1)); // its clock starts where the first one did
      successor.client.recover();

      successor.events.awaitCause(escrowId, "remainder 50.00 CNY released (00)", WAIT);

      assertThat(wire.sent(RequestType.RELEASE)).hasSize(1);
      assertThat(host.ledger().entry(escrowId).get().holdActive()).isFalse();
      assertThat(shared.pendingWork()).isEmpty();
    }
  }

  /**
   * A plain decline (05), and codes retryable only by someone at the till (55 re-enter the PIN, 45
   * use the chip), which the cancel, sent again unchanged, would get for ever.
   */
  @ParameterizedTest
  @ValueSource(strings = {"05", "55", "45"})
  void aDeclinedCancelIsRecordedForAnOperatorAndNotRetried(String declined) {
    InMemoryTransport host = InMemoryTransport.create(FaultPlan.none(),
        request -> request.type() == RequestType.RELEASE ? Optional.of(declined) : Optional.empty())
        .withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = multiCapture(host, wire)) {
      Escrow captured = captureThirtyThenTwentyFinal(fixture);

      TransitionEvent noted = fixture.events.awaitCause(
          captured.id(), "remainder 50.00 CNY NOT released: RELEASE_REMAINDER/" + declined, WAIT);

      assertThat(noted.from()).contains(EscrowState.CAPTURED);
      assertThat(noted.to()).isEqualTo(EscrowState.CAPTURED);
      assertThat(wire.sent(RequestType.RELEASE)).hasSize(1);
      assertThat(fixture.journal.pendingWork()).isEmpty();
      assertThat(hostEntry(fixture, captured).holdActive()).isTrue();
      Escrow looked = fixture.client.escrow(captured.id()).get();
      assertThat(looked.failure()).hasValueSatisfying(failure -> {
        assertThat(failure.code()).isEqualTo("RELEASE_REMAINDER/" + declined);
        assertThat(failure.retryable()).isFalse();
      });
    }
  }

  /** Host down (96), MAC trouble after a key change (A0): nothing about the hold itself. */
  @ParameterizedTest
  @ValueSource(strings = {"96", "A0"})
  void aCancelDeclinedForAPassingReasonIsTriedAgain(String passing) {
    AtomicInteger cancels = new AtomicInteger();
    InMemoryTransport host = InMemoryTransport.create(FaultPlan.none(),
        request -> request.type() == RequestType.RELEASE && cancels.incrementAndGet() == 1
            ? Optional.of(passing) : Optional.empty())
        .withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = multiCapture(host, wire)) {
      Escrow captured = captureThirtyThenTwentyFinal(fixture);

      fixture.events.awaitCause(captured.id(), "remainder 50.00 CNY released (00)", WAIT);

      assertThat(wire.sent(RequestType.RELEASE)).hasSize(2);
      assertThat(hostEntry(fixture, captured).holdActive()).isFalse();
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  /**
   * A cancel the host cannot read (30 format error) is tried again, since the trouble may pass at
   * the host; the third such answer in a row is final, recorded for an operator, not sent for
   * ever.
   */
  @Test
  void aCancelTheHostCannotReadGoesThreeTimesThenToAnOperator() {
    InMemoryTransport host = InMemoryTransport.create(FaultPlan.none(),
        request -> request.type() == RequestType.RELEASE ? Optional.of("30") : Optional.empty())
        .withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = multiCapture(host, wire)) {
      Escrow captured = captureThirtyThenTwentyFinal(fixture);

      fixture.events.awaitCause(
          captured.id(), "remainder 50.00 CNY NOT released: RELEASE_REMAINDER/30", WAIT);

      assertThat(wire.sent(RequestType.RELEASE)).hasSize(3);
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void aRemainderWhoseHoldLapsedBeforeTheCancelIsNotSent() {
    InMemoryTransport host = InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
    InMemoryJournal shared = new InMemoryJournal();
    String escrowId = captureFinalThenStop(host, shared);
    try (Fixture successor = new Fixture(host, host, shared,
        b -> b.profile(SchemeProfile.genericCard()).recoverOnStart(false))) {
      successor.clock.advance(Duration.ofDays(8)); // past the 7-day hold validity
      successor.client.recover();

      successor.events.awaitCause(escrowId, "lapsed with the hold", WAIT);
      assertThat(host.received(RequestType.RELEASE)).isZero();
      assertThat(shared.pendingWork()).isEmpty();
    }
  }

  @Test
  void noCancelFollowsWhenTheTransportMarksTheCaptureFinal() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    try (Fixture fixture = multiCapture(host, new RecordingTransport(host))) {
      Escrow captured = captureThirtyThenTwentyFinal(fixture);

      assertThat(hostEntry(fixture, captured).holdActive()).isFalse();
      assertThat(host.received(RequestType.RELEASE)).isZero();
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void noCancelFollowsASingleCaptureSchemeWhoseHostClosesTheHold() {
    InMemoryTransport host = InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
    try (Fixture fixture = new Fixture(host, new RecordingTransport(host),
        b -> b.profile(SchemeProfile.unionPay()))) {
      Escrow held = fixture.client.hold(HOLD).reference("room-1208")
          .card(TestCards.unionPayChip()).execute();

      Escrow captured = held.capture(cny("80.00")).execute();

      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(host.received(RequestType.RELEASE)).isZero();
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  /**
   * Once the rest of the hold was cancelled, a void of a capture restores that capture's amount
   * only: the host holds no more, so no more may be captured or released.
   */
  @Test
  void aVoidAfterTheRemainderWasCancelledRestoresOnlyTheVoidedCapture() {
    InMemoryTransport host = InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = multiCapture(host, wire)) {
      Escrow captured = captureThirtyThenTwentyFinal(fixture);
      fixture.events.awaitCause(captured.id(), "remainder 50.00 CNY released (00)", WAIT);

      Escrow voided = fixture.client.escrow(captured.id()).get().voidCapture().execute();

      assertThat(voided.state()).isEqualTo(EscrowState.PARTIALLY_CAPTURED);
      assertThat(voided.snapshot().remainingHold()).isEqualTo(cny("20.00"));
      voided.release().execute();
      assertThat(wire.sent(RequestType.RELEASE)).extracting(TransportRequest::amount)
          .containsExactly(cny("50.00"), cny("20.00"));
    }
  }

  /** The same after a release the operator asked for. */
  @Test
  void aVoidAfterAReleaseRestoresOnlyTheVoidedCapture() {
    InMemoryTransport host = InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = multiCapture(host, wire)) {
      Escrow voided = captureThirtyThenRelease(fixture).voidCapture().execute();

      assertThat(voided.state()).isEqualTo(EscrowState.HELD);
      assertThat(voided.snapshot().remainingHold()).isEqualTo(cny("30.00"));
    }
  }

  @Test
  void aReleaseAfterPartialCapturesCancelsOnlyTheRemainder() {
    InMemoryTransport host = InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = multiCapture(host, wire)) {
      Escrow released = captureThirtyThenRelease(fixture);

      assertThat(released.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(wire.sent(RequestType.RELEASE)).extracting(TransportRequest::amount)
          .containsExactly(cny("70.00"));
      assertThat(hostEntry(fixture, released).holdActive()).isFalse();
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }
}
