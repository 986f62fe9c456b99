package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.SdkLoopback.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.OperationStatus;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.Exchange;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.PostingType;
import io.escrowkit.simulator.SimulatorLedger;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every escrow lifecycle through the SDK (EscrowClient, IsoTransport) to the simulator over
 * loopback TCP, in each dialect with MACs on, checked against the simulator's books. UnionPay: one
 * completion of up to 115% that releases the rest; ISO 87: captures in parts up to 100%.
 */
class EscrowLifecycleOverTcpTest {
  private SdkLoopback loop;

  @AfterEach
  void close() {
    if (loop != null) {
      loop.close();
    }
  }

  private SimulatorLedger ledger() {
    return loop.host.ledger();
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void holdFreezesTheAmountOnTheHost(HostProfile profile) {
    loop = SdkLoopback.start(profile);

    Escrow held = loop.hold("128.00");

    assertThat(held.state()).isEqualTo(EscrowState.HELD);
    Authorization auth = loop.authorizationOf(held);
    assertThat(auth.held()).isEqualTo(12_800);
    assertThat(auth.frozen()).isEqualTo(12_800);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.HELD);
    assertThat(ledger().frozenTotal()).isEqualTo(12_800);
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void fullCaptureIsCapturedOnceAndNothingStaysFrozen(HostProfile profile) {
    loop = SdkLoopback.start(profile);

    Escrow captured = loop.hold("128.00").capture(cny("128.00")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    Authorization auth = loop.authorizationOf(captured);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.COMPLETED);
    assertThat(auth.captured()).isEqualTo(12_800);
    assertThat(auth.frozen()).isZero();
    assertThat(ledger().capturedTotal()).isEqualTo(12_800);
    assertThat(ledger().frozenTotal()).isZero();
    assertThat(ledger().postings())
        .extracting(p -> p.type())
        .containsExactly(PostingType.HOLD, PostingType.COMPLETION);
    assertThat(loop.wire()).containsExactly("0100 PRE_AUTH 00", "0200 COMPLETION 00");
  }

  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = "CUP")
  void unionPayPartialCaptureReleasesTheRestOfTheHold(HostProfile profile) {
    loop = SdkLoopback.start(profile);

    Escrow captured = loop.hold("128.00").capture(cny("100.00")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(captured.snapshot().remainingHold().isZero()).isTrue();
    Authorization auth = loop.authorizationOf(captured);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.COMPLETED);
    assertThat(auth.captured()).isEqualTo(10_000);
    assertThat(auth.frozen()).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = "CUP")
  void unionPayCaptureUpTo115PercentIsApproved(HostProfile profile) {
    loop = SdkLoopback.start(profile);

    Escrow captured = loop.hold("128.00").capture(cny("147.20")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(loop.authorizationOf(captured).captured()).isEqualTo(14_720);
    assertThat(ledger().frozenTotal()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = HostProfile.class,
      names = {"ISO87_BINARY", "ISO87_ASCII"})
  void isoPartialCapturesKeepTheRestFrozenUntilCapturedOrReleased(HostProfile profile) {
    loop = SdkLoopback.start(profile);
    Escrow held = loop.hold("128.00");

    Escrow part = held.capture(cny("28.00")).execute();

    assertThat(part.state()).isEqualTo(EscrowState.PARTIALLY_CAPTURED);
    Authorization afterPart = loop.authorizationOf(held);
    assertThat(afterPart.status()).isEqualTo(AuthorizationStatus.HELD);
    assertThat(afterPart.frozen()).isEqualTo(10_000);
    assertThat(afterPart.captured()).isEqualTo(2_800);

    Escrow released = part.release().execute();

    assertThat(released.state()).isEqualTo(EscrowState.CAPTURED);
    Authorization closed = loop.authorizationOf(held);
    assertThat(closed.status()).isEqualTo(AuthorizationStatus.COMPLETED);
    assertThat(closed.frozen()).isZero();
    assertThat(closed.captured()).isEqualTo(2_800);
  }

  @ParameterizedTest
  @EnumSource(
      value = HostProfile.class,
      names = {"ISO87_BINARY", "ISO87_ASCII"})
  void isoCapturesInPartsUpToTheHoldCloseIt(HostProfile profile) {
    loop = SdkLoopback.start(profile);
    Escrow held = loop.hold("128.00");

    held.capture(cny("28.00")).execute();
    Escrow rest = held.capture(cny("100.00")).execute();

    assertThat(rest.state()).isEqualTo(EscrowState.CAPTURED);
    Authorization auth = loop.authorizationOf(held);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.COMPLETED);
    assertThat(auth.captured()).isEqualTo(12_800);
    assertThat(auth.frozen()).isZero();
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void captureOverTheToleranceIsRefusedBeforeAnythingIsSent(HostProfile profile) {
    loop = SdkLoopback.start(profile);
    Escrow held = loop.hold("128.00");
    String over = profile == HostProfile.CUP ? "147.21" : "128.01";

    Escrow refused = held.capture(cny(over)).execute();

    assertThat(refused.result().get().status()).isEqualTo(OperationStatus.REFUSED);
    assertThat(refused.state()).isEqualTo(EscrowState.HELD);
    assertThat(refused.failure().get().code()).endsWith("CAPTURE_OVER_TOLERANCE");
    assertThat(ledger().postings()).extracting(p -> p.type()).containsExactly(PostingType.HOLD);
    assertThat(loop.authorizationOf(held).frozen()).isEqualTo(12_800);
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void captureTheSdkAllowsButTheHostDoesNotIsDeclinedAndTheHoldStays(HostProfile profile) {
    loop =
        new SdkLoopback(
            SdkLoopback.Options.of(profile)
                .sdkScheme(
                    SdkLoopback.defaultScheme(profile).toBuilder()
                        .captureTolerancePercent(130)
                        .build()));
    Escrow held = loop.hold("128.00");

    Escrow declined = held.capture(cny("150.00")).execute();

    assertThat(declined.result().get().status()).isEqualTo(OperationStatus.DECLINED);
    assertThat(declined.result().get().responseCode()).contains("13");
    assertThat(declined.state()).isEqualTo(EscrowState.HELD);
    Authorization auth = loop.authorizationOf(held);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.HELD);
    assertThat(auth.frozen()).isEqualTo(12_800);
    assertThat(auth.captured()).isZero();
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void releaseUnfreezesTheHold(HostProfile profile) {
    loop = SdkLoopback.start(profile);
    Escrow held = loop.hold("300.00");

    Escrow released = held.release().execute();

    assertThat(released.state()).isEqualTo(EscrowState.RELEASED);
    Authorization auth = loop.authorizationOf(held);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.RELEASED);
    assertThat(auth.frozen()).isZero();
    assertThat(auth.captured()).isZero();
    assertThat(ledger().frozenTotal()).isZero();
    assertThat(loop.wire()).containsExactly("0100 PRE_AUTH 00", "0100 PRE_AUTH_CANCEL 00");
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void voidOfTheCaptureRestoresTheHoldOnBothSides(HostProfile profile) {
    loop = SdkLoopback.start(profile);
    Escrow held = loop.hold("128.00");
    Escrow captured = held.capture(cny("128.00")).execute();

    Escrow voided = captured.voidCapture().execute();

    assertThat(voided.state()).isEqualTo(EscrowState.HELD);
    Authorization auth = loop.authorizationOf(held);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.HELD);
    assertThat(auth.captured()).isZero();
    assertThat(auth.frozen()).isEqualTo(12_800);
    assertThat(ledger().capturedTotal()).isZero();

    Escrow recaptured = voided.capture(cny("90.00")).execute();

    assertThat(recaptured.approved()).isTrue();
    assertThat(loop.authorizationOf(held).captured()).isEqualTo(9_000);
    assertThat(ledger().capturedTotal()).isEqualTo(9_000);
    assertThat(loop.wire())
        .containsExactly(
            "0100 PRE_AUTH 00",
            "0200 COMPLETION 00",
            "0200 COMPLETION_VOID 00",
            "0200 COMPLETION 00");
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void refundsInPartsAddUpOnTheHost(HostProfile profile) {
    loop = SdkLoopback.start(profile);
    Escrow held = loop.hold("128.00");
    Escrow captured = held.capture(cny("128.00")).execute();

    Escrow part = captured.refund(cny("28.00")).execute();

    assertThat(part.state()).isEqualTo(EscrowState.PARTIALLY_REFUNDED);
    assertThat(loop.authorizationOf(held).refunded()).isEqualTo(2_800);

    Escrow rest = part.refund(cny("100.00")).execute();

    assertThat(rest.state()).isEqualTo(EscrowState.REFUNDED);
    Authorization auth = loop.authorizationOf(held);
    assertThat(auth.refunded()).isEqualTo(12_800);
    assertThat(auth.captured()).isEqualTo(12_800);
    assertThat(ledger().refundedTotal()).isEqualTo(12_800);
    // UnionPay's refund is its own 0220 (60.1 25); ISO 87's an online financial request 0200.
    String refund = profile == HostProfile.CUP ? "0220 REFUND 00" : "0200 REFUND 00";
    assertThat(loop.wire())
        .containsExactly("0100 PRE_AUTH 00", "0200 COMPLETION 00", refund, refund);
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void holdDeclinedByTheHostLeavesNothingFrozen(HostProfile profile) {
    loop = SdkLoopback.start(profile);

    Escrow declined = loop.hold("128.05");

    assertThat(declined.state()).isEqualTo(EscrowState.DECLINED);
    assertThat(declined.result().get().responseCode()).contains("05");
    assertThat(ledger().authorizations()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void idleConnectionIsEchoTestedAndKept(HostProfile profile) throws Exception {
    loop =
        new SdkLoopback(
            SdkLoopback.Options.of(profile)
                .transport(b -> b.echo(Duration.ofMillis(50), Duration.ofSeconds(2))));
    loop.hold("10.00");

    Exchange echo = loop.nextExchange("ECHO").get(10, TimeUnit.SECONDS);
    Exchange again = loop.nextExchange("ECHO").get(10, TimeUnit.SECONDS);

    assertThat(echo.requestMti()).isEqualTo(profile == HostProfile.CUP ? "0820" : "0800");
    assertThat(echo.responseCode()).contains("00");
    assertThat(again.responseCode()).contains("00");
    assertThat(loop.hold("20.00").state()).isEqualTo(EscrowState.HELD);
    assertThat(loop.host.acceptedConnections()).isEqualTo(1);
  }
}
