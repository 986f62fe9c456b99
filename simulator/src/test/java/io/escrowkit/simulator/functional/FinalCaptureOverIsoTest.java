package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.SdkLoopback.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.SchemeProfile;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.Fault;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.Posting;
import io.escrowkit.simulator.PostingType;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A final capture below the hold under ISO 8583:1987, which cannot say "last completion", against
 * the simulator configured for captures in several parts: the SDK follows the completion with a
 * pre-authorization cancel of the remainder, and the simulator ends with nothing frozen.
 */
class FinalCaptureOverIsoTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private SdkLoopback loop;

  @AfterEach
  void close() {
    if (loop != null) {
      loop.close();
    }
  }

  private static SdkLoopback.Options multiCapture(HostProfile profile) {
    return SdkLoopback.Options.of(profile)
        .sdkScheme(SchemeProfile.genericCard())
        .host(b -> b.scheme(SchemeProfile.genericCard()));
  }

  /** Holds 100.00, captures 30.00, then 20.00 as the final capture. */
  private Escrow holdThenCaptureThirtyAndTwentyFinal() {
    Escrow held = loop.hold("100.00");
    held.capture(cny("30.00")).execute();
    Escrow captured = held.capture(cny("20.00")).finalCapture().execute();
    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(captured.snapshot().remainingHold().isZero()).isTrue();
    return captured;
  }

  private void assertClosedWithFiftyCapturedAndOneCancelOfTheRest(Escrow captured) {
    Authorization auth = loop.authorizationOf(captured);
    assertThat(auth.captured()).isEqualTo(5_000);
    assertThat(auth.frozen()).isZero();
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.COMPLETED);
    assertThat(loop.host.ledger().frozenTotal()).isZero();
    assertThat(loop.host.ledger().capturedTotal()).isEqualTo(5_000);
    assertThat(loop.host.ledger().postings())
        .filteredOn(p -> p.type() == PostingType.CANCEL)
        .extracting(Posting::amount)
        .containsExactly(5_000L);
    assertThat(loop.journal.pendingWork()).isEmpty();
    assertThat(captured.refresh().state()).isEqualTo(EscrowState.CAPTURED);
  }

  @ParameterizedTest
  @EnumSource(
      value = HostProfile.class,
      names = {"ISO87_BINARY", "ISO87_ASCII"})
  void finalPartialCaptureIsFollowedByACancelOfTheRemainder(HostProfile profile) {
    loop = new SdkLoopback(multiCapture(profile));

    Escrow captured = holdThenCaptureThirtyAndTwentyFinal();

    loop.events.awaitCause(captured.id(), "remainder 50.00 CNY released (00)", WAIT);
    assertClosedWithFiftyCapturedAndOneCancelOfTheRest(captured);
    assertThat(loop.wire())
        .containsExactly(
            "0100 PRE_AUTH 00",
            "0200 COMPLETION 00",
            "0200 COMPLETION 00",
            "0100 PRE_AUTH_CANCEL 00");
  }

  @ParameterizedTest
  @EnumSource(
      value = HostProfile.class,
      names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aCancelWhoseAnswerIsDroppedIsSentAgainAndAppliedOnce(HostProfile profile) {
    loop = new SdkLoopback(multiCapture(profile).requestTimeout(Duration.ofMillis(800)));
    Escrow held = loop.hold("100.00");
    held.capture(cny("30.00")).execute();
    loop.host.faults().next(Fault.NO_RESPONSE, "0100"); // the next 0100 is the cancel

    Escrow captured = held.capture(cny("20.00")).finalCapture().execute();

    loop.events.awaitCause(captured.id(), "remainder 50.00 CNY released (22)", WAIT);
    assertThat(loop.host.faults().applied(Fault.NO_RESPONSE)).isEqualTo(1);
    assertClosedWithFiftyCapturedAndOneCancelOfTheRest(captured);
    assertThat(loop.wire())
        .filteredOn(line -> line.contains("PRE_AUTH_CANCEL"))
        // applied but unanswered (the simulator logs the answer it kept back), then 22: closed
        .containsExactly("0100 PRE_AUTH_CANCEL 00", "0100 PRE_AUTH_CANCEL 22");
    assertThat(loop.wire()).noneMatch(line -> line.startsWith("04"));
  }
}
