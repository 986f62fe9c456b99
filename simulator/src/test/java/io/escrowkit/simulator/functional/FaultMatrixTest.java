package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.SdkLoopback.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.OperationStatus;
import io.escrowkit.iso8583.mapping.CaptureMode;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.Fault;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.PostingType;
import io.escrowkit.simulator.SimulatorLedger;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: each fault the simulator injects, on the hold and on the capture, in the
 * UnionPay and the ISO 87 binary dialect. The escrow must end where the README's matrix says, and
 * the simulator's books must agree: no hold left frozen after a pre-authorization in doubt, no
 * capture lost or applied twice.
 */
class FaultMatrixTest {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration DELAY = Duration.ofMillis(150);

  /** Faults after which the answer is used as usual. */
  private static final Set<Fault> ANSWERED = EnumSet.of(Fault.DELAY, Fault.DUPLICATE_RESPONSE);

  /** Holds late answers back until the test sends them, after the reversal. */
  private final RecordingScheduler lateAnswers = new RecordingScheduler();

  private SdkLoopback loop;

  @AfterEach
  void close() {
    if (loop != null) {
      loop.close();
    }
    lateAnswers.shutdownNow();
  }

  static Stream<Arguments> cases() {
    return Stream.of(HostProfile.CUP, HostProfile.ISO87_BINARY)
        .flatMap(
            profile ->
                EnumSet.allOf(Fault.class).stream().map(fault -> Arguments.of(profile, fault)));
  }

  private void start(HostProfile profile, Fault fault) {
    SdkLoopback.Options options = SdkLoopback.Options.of(profile).requestTimeout(REQUEST_TIMEOUT);
    if (fault == Fault.LATE_RESPONSE) {
      options = options.host(b -> b.scheduler(lateAnswers));
    }
    loop = new SdkLoopback(options);
    loop.host.faults().delay(DELAY);
  }

  /** Sends the answers the simulator held back (the late one, after its request's deadline). */
  private void sendLateAnswers(Fault fault) {
    if (fault == Fault.LATE_RESPONSE) {
      assertThat(lateAnswers.tasks()).hasSize(1);
      lateAnswers.runAll();
    }
  }

  private SimulatorLedger ledger() {
    return loop.host.ledger();
  }

  @ParameterizedTest(name = "{1} on the hold ({0})")
  @MethodSource("cases")
  void faultOnTheHold(HostProfile profile, Fault fault) {
    start(profile, fault);
    loop.host.faults().next(fault, "0100");

    Escrow hold = loop.hold("128.00");

    if (ANSWERED.contains(fault)) {
      assertThat(hold.state()).isEqualTo(EscrowState.HELD);
      assertThat(ledger().authorizations())
          .singleElement()
          .satisfies(auth -> assertThat(auth.frozen()).isEqualTo(12_800));
    } else {
      assertThat(hold.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
      Escrow reversed = loop.awaitReversal(hold);
      assertThat(reversed.state()).isEqualTo(EscrowState.REVERSED);
      sendLateAnswers(fault);
      assertThat(reversed.snapshot().remainingHold().isZero()).isTrue();
      if (fault == Fault.REQUEST_LOST) {
        assertThat(ledger().authorizations()).isEmpty();
        assertThat(ledger().unknownReversals()).isEqualTo(1);
      } else {
        assertThat(ledger().authorizations())
            .singleElement()
            .satisfies(
                auth -> {
                  assertThat(auth.status()).isEqualTo(AuthorizationStatus.REVERSED);
                  assertThat(auth.frozen()).isZero();
                });
        assertThat(ledger().reversalsApplied()).isEqualTo(1);
      }
    }
    assertTheConnectionServesTheNextEscrow();
    assertThat(hold.refresh().state())
        .isEqualTo(ANSWERED.contains(fault) ? EscrowState.HELD : EscrowState.REVERSED);
    assertThat(ledger().frozenTotal()).isEqualTo(ANSWERED.contains(fault) ? 12_800 : 0);
  }

  @ParameterizedTest(name = "{1} on the capture ({0})")
  @MethodSource("cases")
  void faultOnTheCapture(HostProfile profile, Fault fault) {
    start(profile, fault);
    Escrow held = loop.hold("128.00");
    loop.host.faults().next(fault, "0200");

    Escrow capture = held.capture(cny("128.00")).execute();

    if (ANSWERED.contains(fault)) {
      assertThat(capture.state()).isEqualTo(EscrowState.CAPTURED);
    } else {
      assertThat(capture.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
      Escrow back = loop.awaitReversal(capture);
      assertThat(back.state()).isEqualTo(EscrowState.HELD);
      sendLateAnswers(fault);
      Authorization auth = loop.authorizationOf(held);
      assertThat(auth.status()).isEqualTo(AuthorizationStatus.HELD);
      assertThat(auth.frozen()).isEqualTo(12_800);
      assertThat(auth.captured()).isZero();
      assertThat(ledger().capturedTotal()).isZero();

      capture = back.capture(cny("128.00")).execute();

      assertThat(capture.state()).isEqualTo(EscrowState.CAPTURED);
    }
    assertTheConnectionServesTheNextEscrow();
    assertThat(held.refresh().state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(held.refresh().snapshot().captures()).hasSize(1);
    Authorization auth = loop.authorizationOf(held);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.COMPLETED);
    assertThat(auth.captured()).isEqualTo(12_800);
    assertThat(auth.frozen()).isZero();
    assertThat(loop.host.ledger().postings())
        .filteredOn(p -> p.authCode().equals(auth.authCode()))
        .filteredOn(p -> p.type() == PostingType.COMPLETION && !p.reversed())
        .hasSize(1);
  }

  @ParameterizedTest(name = "unanswered release and void are reversed, a refund reversed or forwarded ({0})")
  @EnumSource(
      value = HostProfile.class,
      names = {"CUP", "ISO87_BINARY"})
  void unansweredFollowUpsAreReversedToWhereTheyStarted(HostProfile profile) {
    start(profile, Fault.NO_RESPONSE);
    Escrow held = loop.hold("128.00");

    loop.host.faults().next(Fault.NO_RESPONSE, "0100");
    Escrow release = held.release().execute();
    assertThat(loop.awaitReversal(release).state()).isEqualTo(EscrowState.HELD);
    assertThat(loop.authorizationOf(held).frozen()).isEqualTo(12_800);

    Escrow captured = held.capture(cny("128.00")).execute();
    loop.host.faults().next(Fault.NO_RESPONSE, "0200");
    Escrow voided = captured.voidCapture().execute();
    assertThat(loop.awaitReversal(voided).state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(loop.authorizationOf(held).captured()).isEqualTo(12_800);

    boolean unionPay = profile == HostProfile.CUP;
    loop.host.faults().next(Fault.NO_RESPONSE, unionPay ? "0220" : "0200");
    Escrow refund = captured.refund(cny("28.00")).execute();
    if (unionPay) {
      // A UnionPay refund is an advice: forwarded again as 0221 until acknowledged, not reversed.
      assertThat(refund.state()).isEqualTo(EscrowState.REFUND_PENDING);
      loop.events.awaitLeaving(refund.id(), EscrowState.REFUND_PENDING,
          refund.snapshot().version(), java.time.Duration.ofSeconds(20));
      assertThat(refund.refresh().state()).isEqualTo(EscrowState.PARTIALLY_REFUNDED);
      assertThat(ledger().refundedTotal()).isEqualTo(2_800);
    } else {
      assertThat(loop.awaitReversal(refund).state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(ledger().refundedTotal()).isZero();
    }

    Escrow refunded = captured.refund(cny("28.00")).execute();

    assertThat(refunded.state()).isEqualTo(EscrowState.PARTIALLY_REFUNDED);
    Authorization auth = loop.authorizationOf(held);
    assertThat(auth.captured()).isEqualTo(12_800);
    assertThat(auth.refunded()).isEqualTo(unionPay ? 5_600 : 2_800);
    assertThat(auth.frozen()).isZero();
    assertThat(ledger().reversalsApplied()).isEqualTo(unionPay ? 2 : 3);
  }

  @Test
  void unansweredCompletionAdviceIsRepeatedAndAppliedOnce() {
    loop =
        new SdkLoopback(
            SdkLoopback.Options.of(HostProfile.CUP)
                .requestTimeout(REQUEST_TIMEOUT)
                .transport(b -> b.captureMode(CaptureMode.ADVICE, Duration.ofMillis(100))));
    Escrow held = loop.hold("128.00");
    loop.host.faults().next(Fault.NO_RESPONSE, "0220");

    Escrow captured = held.capture(cny("100.00")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(loop.wire())
        .startsWith("0100 PRE_AUTH 00", "0220 COMPLETION_ADVICE 00", "0221 COMPLETION_ADVICE 00");
    assertThat(ledger().duplicateAdvicesIgnored()).isGreaterThanOrEqualTo(1);
    Authorization auth = loop.authorizationOf(held);
    assertThat(auth.captured()).isEqualTo(10_000);
    assertThat(auth.frozen()).isZero();
    assertThat(ledger().capturedTotal()).isEqualTo(10_000);
  }

  /**
   * After the fault (and the late answer, if any, which reaches the client before the next answers
   * on the connection), the same transport carries a whole escrow again.
   */
  private void assertTheConnectionServesTheNextEscrow() {
    long capturedBefore = ledger().capturedTotal();

    Escrow next = loop.hold("10.00").capture(cny("10.00")).execute();

    assertThat(next.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(ledger().capturedTotal()).isEqualTo(capturedBefore + 1_000);
  }
}
