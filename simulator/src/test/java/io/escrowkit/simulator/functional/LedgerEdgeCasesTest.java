package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.SchemeProfile;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.functional.Requests.Ref;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sequences a standard client may send that once made the books wrong: a follow-up of a reversed
 * completion, a completion naming another terminal's hold, a void that left a multi-capture hold's
 * rest frozen under a closed status. Each in every profile, over real loopback TCP.
 */
class LedgerEdgeCasesTest {

  private static String code(TestTerminal terminal, IsoMessage request) throws Exception {
    return terminal.exchange(request).readString(39);
  }

  @ParameterizedTest
  @EnumSource(HostProfile.class)
  void aReversedCompletionCanBeNeitherRefundedNorVoided(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = Ref.of(s.terminal.exchange(s.requests.preAuth(TEST_PAN, 7_000)));
      IsoMessage completion = s.requests.completion(TEST_PAN, 7_000, hold);
      Ref captured = Ref.of(s.terminal.exchange(completion));
      assertThat(code(s.terminal, s.requests.reversal(completion, "98"))).isEqualTo("00");

      String refund = code(s.terminal, s.requests.refund(TEST_PAN, 7_000, captured));
      String voided = code(s.terminal, s.requests.voidCompletion(TEST_PAN, 7_000, captured));

      assertThat(refund).isNotIn("00", "11");
      assertThat(voided).isNotIn("00", "11");
      assertThat(s.host.ledger().capturedTotal()).isZero();
      assertThat(s.host.ledger().refundedTotal()).isZero();
      assertThat(s.host.ledger().frozenTotal()).isEqualTo(7_000);
    }
  }

  /**
   * Two terminals' holds with the same trace number: a completion sent from the second terminal
   * for the first one's hold names that hold's trace and authorization code; the code decides.
   */
  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aCompletionNamingAnotherTerminalsHoldCapturesThatHold(HostProfile profile)
      throws Exception {
    Requests first = new Requests(profile, "TERM0001");
    Requests second = new Requests(profile, "TERM0002");
    try (AcquirerSimulator host = AcquirerSimulator.builder().profile(profile).start();
        TestTerminal terminal = new TestTerminal(host)) {
      Ref holdA = Ref.of(terminal.exchange(first.preAuth(TEST_PAN, 10_000)));
      Ref holdB = Ref.of(terminal.exchange(second.preAuth(TEST_PAN, 5_000)));
      assertThat(holdB.stan()).isEqualTo(holdA.stan());

      String answer = code(terminal, second.completion(TEST_PAN, 10_000, holdA));

      assertThat(answer).isEqualTo("00");
      Authorization a = host.ledger().authorization(holdA.authCode()).get();
      Authorization b = host.ledger().authorization(holdB.authCode()).get();
      assertThat(a.captured()).isEqualTo(10_000);
      assertThat(a.frozen()).isZero();
      assertThat(b.captured()).isZero();
      assertThat(b.frozen()).isEqualTo(5_000);
    }
  }

  /**
   * A scheme whose completion void does not restore the hold, with several captures: voiding the
   * only capture leaves the rest of the hold frozen, and live, so a cancel can still release it.
   */
  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"ISO87_BINARY", "ISO87_ASCII"})
  void voidingTheOnlyCaptureOfAMultiCaptureHoldLeavesItsRestLive(HostProfile profile)
      throws Exception {
    Requests requests = new Requests(profile);
    SchemeProfile scheme = SchemeProfile.genericCard().toBuilder().voidRestoresHold(false).build();
    try (AcquirerSimulator host =
            AcquirerSimulator.builder().profile(profile).scheme(scheme).start();
        TestTerminal terminal = new TestTerminal(host)) {
      Ref hold = Ref.of(terminal.exchange(requests.preAuth(TEST_PAN, 10_000)));
      Ref captured = Ref.of(terminal.exchange(requests.completion(TEST_PAN, 3_000, hold)));
      assertThat(code(terminal, requests.voidCompletion(TEST_PAN, 3_000, captured)))
          .isEqualTo("00");

      Authorization afterVoid = host.ledger().authorization(hold.authCode()).get();
      String cancel = code(terminal, requests.cancel(TEST_PAN, 7_000, hold));

      assertThat(afterVoid.status()).isEqualTo(AuthorizationStatus.HELD);
      assertThat(afterVoid.frozen()).isEqualTo(7_000);
      assertThat(cancel).isEqualTo("00");
      assertThat(host.ledger().frozenTotal()).isZero();
      assertThat(host.ledger().capturedTotal()).isZero();
    }
  }

  /**
   * Two captures of one hold, the second reversed: a void or refund naming the second is refused,
   * and does not fall back on the first.
   */
  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aFollowUpOfAReversedCaptureDoesNotTakeAnotherCaptureOfTheHold(HostProfile profile)
      throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = Ref.of(s.terminal.exchange(s.requests.preAuth(TEST_PAN, 10_000)));
      s.terminal.exchange(s.requests.completion(TEST_PAN, 3_000, hold));
      IsoMessage second = s.requests.completion(TEST_PAN, 3_000, hold);
      Ref reversed = Ref.of(s.terminal.exchange(second));
      assertThat(code(s.terminal, s.requests.reversal(second, "98"))).isEqualTo("00");

      String voided = code(s.terminal, s.requests.voidCompletion(TEST_PAN, 3_000, reversed));
      String refunded = code(s.terminal, s.requests.refund(TEST_PAN, 3_000, reversed));

      assertThat(voided).isEqualTo("22");
      assertThat(refunded).isEqualTo("22");
      assertThat(s.host.ledger().capturedTotal()).isEqualTo(3_000);
      assertThat(s.host.ledger().refundedTotal()).isZero();
    }
  }

  /**
   * A reversal that comes before its original stops the original and its repeat (0101), in
   * either order; a later original with that trace is a new request.
   */
  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aReversalBeforeItsOriginalStopsTheOriginalAndItsRepeat(HostProfile profile)
      throws Exception {
    try (Session s = Session.start(profile)) {
      IsoMessage first = s.requests.preAuth(TEST_PAN, 10_000);
      IsoMessage second = s.requests.preAuth(TEST_PAN, 20_000);
      assertThat(code(s.terminal, s.requests.reversal(first, "98"))).isEqualTo("25");
      assertThat(code(s.terminal, s.requests.reversal(second, "98"))).isEqualTo("25");

      String repeatThenOriginal = code(s.terminal, first.toBuilder().mti("0101").build())
          + code(s.terminal, first);
      String originalThenRepeat = code(s.terminal, second)
          + code(s.terminal, second.toBuilder().mti("0101").build());
      String wrapped = code(s.terminal, first.toBuilder().set(4, 5_000L).build());

      assertThat(repeatThenOriginal).isEqualTo("9494");
      assertThat(originalThenRepeat).isEqualTo("9494");
      assertThat(wrapped).isEqualTo("00");
      assertThat(s.host.ledger().frozenTotal()).isEqualTo(5_000);
    }
  }

  /**
   * A completion naming its hold by trace, with a field 38 that names no hold at all (say
   * 000000): the trace decides; only a field 38 naming another hold overrides it.
   */
  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"ISO87_BINARY", "ISO87_ASCII"})
  void aFieldThirtyEightNamingNoHoldLeavesTheTracesMatch(HostProfile profile) throws Exception {
    try (Session s = Session.start(profile)) {
      Ref hold = Ref.of(s.terminal.exchange(s.requests.preAuth(TEST_PAN, 4_000)));
      Ref noSuchCode = new Ref(hold.stan(), "000000", hold.rrn());

      String answer = code(s.terminal, s.requests.completion(TEST_PAN, 4_000, noSuchCode));

      assertThat(answer).isEqualTo("00");
      assertThat(s.host.ledger().capturedTotal()).isEqualTo(4_000);
    }
  }
}
