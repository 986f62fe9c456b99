package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.IllegalTransitionException;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.SchemeProfile;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.failure.FailureCategory;
import io.escrowkit.memory.FaultPlan;
import io.escrowkit.memory.HostLedger;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.testing.Fixture;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EscrowLifecycleTest {
  private Fixture fixture;

  @AfterEach
  void close() {
    fixture.close();
  }

  private Escrow hold(String amount, String reference) {
    return fixture.client.hold(Money.of(amount, "CNY")).reference(reference)
        .card(TestCards.unionPayChip()).execute();
  }

  private HostLedger.Entry host(Escrow escrow) {
    return fixture.transport.ledger().entry(escrow.id()).get();
  }

  @Test
  void holdThenPartialCaptureReleasesTheRestUnderUnionPay() {
    fixture = new Fixture(InMemoryTransport.approvingAll());
    Escrow held = hold("128.00", "room-1208");
    assertThat(held.approved()).isTrue();
    assertThat(held.state()).isEqualTo(EscrowState.HELD);
    assertThat(held.snapshot().maskedPan()).isEqualTo("620000******0005");

    Escrow captured = held.capture(Money.of("100.00", "CNY")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(captured.snapshot().captured()).isEqualTo(Money.of("100.00", "CNY"));
    assertThat(captured.snapshot().remainingHold().isZero()).isTrue();
    assertThat(host(held).captured()).isEqualTo(Money.of("100.00", "CNY"));
    assertThat(fixture.client.find("room-1208").get().state()).isEqualTo(EscrowState.CAPTURED);
  }

  @Test
  void captureUpToTheToleranceIsApprovedAndAboveItIsRefused() {
    fixture = new Fixture(InMemoryTransport.approvingAll());
    Escrow held = hold("128.00", "room-1");

    Escrow over = held.capture(Money.of("147.21", "CNY")).execute();
    assertThat(over.result().get().status()).isEqualTo(OperationStatus.REFUSED);
    assertThat(over.failure().get().code()).contains("CAPTURE_OVER_TOLERANCE");
    assertThat(over.state()).isEqualTo(EscrowState.HELD);
    assertThat(host(held).captured().isZero()).isTrue();

    Escrow atLimit = held.capture(Money.of("147.20", "CNY")).execute();
    assertThat(atLimit.state()).isEqualTo(EscrowState.CAPTURED);
  }

  @Test
  void releaseFreesTheHoldOnTheHost() {
    fixture = new Fixture(InMemoryTransport.approvingAll());
    Escrow held = hold("300.00", "car-7");
    Escrow released = held.release().execute();
    assertThat(released.state()).isEqualTo(EscrowState.RELEASED);
    assertThat(host(held).holdActive()).isFalse();
    assertThatThrownBy(() -> held.capture(Money.of("1.00", "CNY")).execute())
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining(held.id())
        .hasMessageContaining("RELEASED")
        .hasMessageContaining("CAPTURE");
  }

  @Test
  void voidRestoresTheHoldAndRefundReturnsCapturedMoney() {
    fixture = new Fixture(InMemoryTransport.approvingAll());
    Escrow held = hold("200.00", "room-2");
    held.capture(Money.of("150.00", "CNY")).execute();
    Escrow voided = held.voidCapture().execute();
    assertThat(voided.state()).isEqualTo(EscrowState.HELD);
    assertThat(host(held).captured().isZero()).isTrue();
    assertThat(host(held).holdActive()).as("the void put the hold back on the host too").isTrue();

    held.capture(Money.of("180.00", "CNY")).execute();
    Escrow partly = held.refund(Money.of("30.00", "CNY")).execute();
    assertThat(partly.state()).isEqualTo(EscrowState.PARTIALLY_REFUNDED);
    Escrow refunded = held.refund(Money.of("150.00", "CNY")).execute();
    assertThat(refunded.state()).isEqualTo(EscrowState.REFUNDED);
    assertThat(host(held).refunded()).isEqualTo(Money.of("180.00", "CNY"));
    Escrow tooMuch = fixture.client.escrow(held.id()).get();
    assertThatThrownBy(() -> tooMuch.refund(Money.of("0.01", "CNY")).execute())
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void voidAfterTheBusinessDayIsRefused() {
    fixture = new Fixture(InMemoryTransport.approvingAll());
    Escrow held = hold("200.00", "room-3");
    held.capture(Money.of("150.00", "CNY")).execute();
    fixture.clock.advance(Duration.ofHours(15)); // 17:00 Beijing -> 01:00 next day
    Escrow late = held.voidCapture().execute();
    assertThat(late.result().get().status()).isEqualTo(OperationStatus.REFUSED);
    assertThat(late.failure().get().code()).contains("VOID_WINDOW_PASSED");
    assertThat(late.state()).isEqualTo(EscrowState.CAPTURED);
  }

  @Test
  void genericProfileCapturesInPartsAndReleasesTheRemainder() {
    fixture = new Fixture(InMemoryTransport.approvingAll(),
        b -> b.profile(SchemeProfile.genericCard()));
    Escrow held = hold("100.00", "order-9");
    assertThat(held.capture(Money.of("30.00", "CNY")).execute().state())
        .isEqualTo(EscrowState.PARTIALLY_CAPTURED);
    assertThat(held.capture(Money.of("20.00", "CNY")).execute().state())
        .isEqualTo(EscrowState.PARTIALLY_CAPTURED);
    assertThat(held.capture(Money.of("50.01", "CNY")).execute().result().get().status())
        .isEqualTo(OperationStatus.REFUSED);
    Escrow released = held.release().execute();
    assertThat(released.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(released.snapshot().captured()).isEqualTo(Money.of("50.00", "CNY"));
  }

  @Test
  void declinedHoldCarriesTheIssuersCodeAndARemedyInBothLanguages() {
    fixture = new Fixture(InMemoryTransport.create(FaultPlan.none(),
        request -> request.amount().equals(Money.of("51.00", "CNY")) ? Optional.of("51")
            : Optional.empty()));
    Escrow declined = hold("51.00", "room-51");
    assertThat(declined.state()).isEqualTo(EscrowState.DECLINED);
    assertThat(declined.result().get().responseCode()).contains("51");
    assertThat(declined.failure().get().category()).isEqualTo(FailureCategory.ISSUER_DECLINE);
    assertThat(declined.failure().get().remedy(Locale.SIMPLIFIED_CHINESE)).contains("余额不足");
    assertThat(declined.failure().get().remedy(Locale.ENGLISH)).isNotBlank();
  }

  @Test
  void approvalWithConditionsIsAnApproval() {
    fixture = new Fixture(InMemoryTransport.create(FaultPlan.none(), request -> Optional.of("A2")));
    Escrow held = hold("10.00", "vip");
    assertThat(held.approved()).isTrue();
    assertThat(held.state()).isEqualTo(EscrowState.HELD);
  }

  @Test
  void captureOfAnExpiredHoldIsRefusedAndTheHoldMarkedExpired() {
    fixture = new Fixture(InMemoryTransport.approvingAll());
    Escrow held = hold("88.00", "room-30d");
    fixture.clock.advance(Duration.ofDays(30));
    Escrow late = held.capture(Money.of("88.00", "CNY")).execute();
    assertThat(late.failure().get().code()).contains("HOLD_EXPIRED");
    assertThat(late.state()).isEqualTo(EscrowState.EXPIRED);
  }

  @Test
  void recoveryMarksLapsedHolds() {
    fixture = new Fixture(InMemoryTransport.approvingAll());
    Escrow held = hold("88.00", "room-lapse");
    fixture.clock.advance(Duration.ofDays(31));
    assertThat(fixture.client.recover().holdsExpired()).isEqualTo(1);
    assertThat(held.refresh().state()).isEqualTo(EscrowState.EXPIRED);
  }

  @Test
  void aCardPresentedAgainMustBeTheEscrowsCard() {
    fixture = new Fixture(InMemoryTransport.approvingAll());
    Escrow held = hold("60.00", "room-card");
    Escrow other = held.capture(Money.of("60.00", "CNY"))
        .card(TestCards.chip(TestCards.UNIONPAY_DEBIT_PAN)).execute();
    assertThat(other.result().get().status()).isEqualTo(OperationStatus.REFUSED);
    assertThat(other.failure().get().code()).isEqualTo("OPERATOR/CARD_MISMATCH");
    assertThat(other.failure().get().detail()).contains("620000******0005").contains("0047");
    Escrow same = held.capture(Money.of("60.00", "CNY")).card(TestCards.unionPayChip()).execute();
    assertThat(same.state()).isEqualTo(EscrowState.CAPTURED);
  }

  @Test
  void timelineListsEveryTransition() {
    fixture = new Fixture(InMemoryTransport.approvingAll());
    Escrow held = hold("10.00", "t-1");
    held.capture(Money.of("5.00", "CNY")).execute();
    assertThat(held.timeline()).extracting(e -> e.to()).containsExactly(
        EscrowState.HOLD_PENDING, EscrowState.HELD, EscrowState.CAPTURE_PENDING,
        EscrowState.CAPTURED);
  }
}
