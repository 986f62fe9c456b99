package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.functional.Requests.Ref;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UnionPay follow-ups of a pre-authorization over real loopback TCP: cancel, completion request and
 * advice, completion void and refund, each checked on the wire and in the books.
 */
class CupFollowUpsTest {

  private Session session;
  private AcquirerSimulator host;
  private TestTerminal terminal;
  private Requests requests;

  @BeforeEach
  void start() throws Exception {
    session = Session.start(HostProfile.CUP);
    host = session.host;
    terminal = session.terminal;
    requests = session.requests;
  }

  @AfterEach
  void stop() throws Exception {
    session.close();
  }

  private Ref hold(long amount) throws Exception {
    return session.approved(requests.preAuth(TEST_PAN, amount));
  }

  @Test
  void traceNumbersMayWrapOnceTheirPreAuthorizationIsClosed() throws Exception {
    IsoMessage first = requests.preAuth(TEST_PAN, 1_000);
    Ref hold = Ref.of(terminal.exchange(first));
    terminal.exchange(requests.completion(TEST_PAN, 1_000, hold));
    IsoMessage wrapped =
        requests.preAuth(TEST_PAN, 2_000).toBuilder().set(11, first.get(11).get()).build();

    assertThat(terminal.exchange(wrapped).readString(39)).isEqualTo("00");
    assertThat(host.ledger().authorizations()).hasSize(2);
  }

  @Test
  void anAdviceWithTheSameTraceButAnotherAmountIsNotARepeat() throws Exception {
    Ref hold = hold(20_000);
    IsoMessage advice = requests.advice("0220", TEST_PAN, 18_000, hold);
    terminal.exchange(advice);

    IsoMessage other = advice.toBuilder().mti("0221").set(4, 17_000L).build();

    assertThat(terminal.exchange(other).readString(39)).isEqualTo("22");
    assertThat(host.ledger().duplicateAdvicesIgnored()).isZero();
    assertThat(host.ledger().capturedTotal()).isEqualTo(18_000);
  }

  @Test
  void cancelReleasesTheHold() throws Exception {
    Ref hold = hold(30_000);

    DecodedMessage answer = terminal.exchange(requests.cancel(TEST_PAN, 30_000, hold));

    assertThat(answer.mti()).isEqualTo("0110");
    assertThat(answer.readString(39)).isEqualTo("00");
    assertThat(answer.readString(38)).isEqualTo(hold.authCode());
    Authorization auth = host.ledger().authorization(hold.authCode()).get();
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.RELEASED);
    assertThat(auth.frozen()).isZero();
    assertThat(host.ledger().frozenTotal()).isZero();
  }

  @Test
  void cancelOfAnotherAmountIsRefused64() throws Exception {
    Ref hold = hold(30_000);

    assertThat(terminal.exchange(requests.cancel(TEST_PAN, 29_000, hold)).readString(39))
        .isEqualTo("64");
    assertThat(host.ledger().frozenTotal()).isEqualTo(30_000);
  }

  @Test
  void cancelWithAnotherCardIsRefused14() throws Exception {
    Ref hold = hold(30_000);

    DecodedMessage answer =
        terminal.exchange(requests.cancel(Requests.OTHER_TEST_PAN, 30_000, hold));

    assertThat(answer.readString(39)).isEqualTo("14");
  }

  @Test
  void partialCompletionCapturesAndReleasesTheRemainder() throws Exception {
    Ref hold = hold(12_800);

    DecodedMessage answer = terminal.exchange(requests.completion(TEST_PAN, 10_000, hold));

    assertThat(answer.mti()).isEqualTo("0210");
    assertThat(answer.readString(39)).isEqualTo("00");
    assertThat(answer.readString(38)).isEqualTo(hold.authCode());
    assertThat(answer.readString(37)).isNotEqualTo(hold.rrn());
    Authorization auth = host.ledger().authorization(hold.authCode()).get();
    assertThat(auth.captured()).isEqualTo(10_000);
    assertThat(auth.frozen()).isZero();
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.COMPLETED);
    assertThat(host.ledger().account(TEST_PAN).get().available())
        .isEqualTo(host.ledger().account(TEST_PAN).get().balance() - 10_000);
  }

  @Test
  void completionUpTo115PercentIsApprovedAndAboveIsRefused13() throws Exception {
    Ref first = hold(10_000);
    Ref second = hold(10_000);

    assertThat(terminal.exchange(requests.completion(TEST_PAN, 11_501, first)).readString(39))
        .isEqualTo("13");
    assertThat(terminal.exchange(requests.completion(TEST_PAN, 11_500, second)).readString(39))
        .isEqualTo("00");
    assertThat(host.ledger().authorization(first.authCode()).get().status())
        .isEqualTo(AuthorizationStatus.HELD);
    assertThat(host.ledger().capturedTotal()).isEqualTo(11_500);
    assertThat(host.ledger().frozenTotal()).isEqualTo(10_000);
  }

  @Test
  void secondCompletionOfAHoldIsRefused22() throws Exception {
    Ref hold = hold(10_000);
    terminal.exchange(requests.completion(TEST_PAN, 5_000, hold));

    assertThat(terminal.exchange(requests.completion(TEST_PAN, 5_000, hold)).readString(39))
        .isEqualTo("22");
    assertThat(host.ledger().capturedTotal()).isEqualTo(5_000);
  }

  @Test
  void completionOfAnUnknownAuthorizationIsRefused25() throws Exception {
    Ref nothing = new Ref("999999", "123456", "000000000001");

    assertThat(terminal.exchange(requests.completion(TEST_PAN, 5_000, nothing)).readString(39))
        .isEqualTo("25");
  }

  @Test
  void repeatedAdviceIsAcknowledgedButAppliedOnce() throws Exception {
    Ref hold = hold(20_000);
    IsoMessage advice = requests.advice("0220", TEST_PAN, 18_000, hold);
    IsoMessage repeat = advice.toBuilder().mti("0221").build();

    DecodedMessage first = terminal.exchange(advice);
    DecodedMessage second = terminal.exchange(repeat);
    DecodedMessage third = terminal.exchange(repeat);

    assertThat(first.mti()).isEqualTo("0230");
    assertThat(second.mti()).isEqualTo("0230");
    assertThat(List.of(first.readString(39), second.readString(39), third.readString(39)))
        .containsOnly("00");
    assertThat(second.readString(37)).isEqualTo(first.readString(37));
    assertThat(host.ledger().capturedTotal()).isEqualTo(18_000);
    assertThat(host.ledger().duplicateAdvicesIgnored()).isEqualTo(2);
  }

  @Test
  void voidOfACompletionRestoresTheHold() throws Exception {
    Ref hold = hold(20_000);
    Ref completion = Ref.of(terminal.exchange(requests.completion(TEST_PAN, 15_000, hold)));

    DecodedMessage answer =
        terminal.exchange(requests.voidCompletion(TEST_PAN, 15_000, completion));

    assertThat(answer.mti()).isEqualTo("0210");
    assertThat(answer.readString(39)).isEqualTo("00");
    Authorization auth = host.ledger().authorization(hold.authCode()).get();
    assertThat(auth.captured()).isZero();
    assertThat(auth.frozen()).isEqualTo(20_000);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.HELD);
    assertThat(
            terminal.exchange(requests.voidCompletion(TEST_PAN, 15_000, completion)).readString(39))
        .isEqualTo("22");
  }

  @Test
  void refundGivesBackUpToTheCompletedAmount() throws Exception {
    Ref hold = hold(20_000);
    Ref completion = Ref.of(terminal.exchange(requests.completion(TEST_PAN, 15_000, hold)));

    DecodedMessage answer = terminal.exchange(requests.refund(TEST_PAN, 10_000, completion));
    DecodedMessage tooMuch = terminal.exchange(requests.refund(TEST_PAN, 5_001, completion));

    assertThat(answer.mti()).isEqualTo("0230");
    assertThat(answer.readString(39)).isEqualTo("00");
    assertThat(tooMuch.readString(39)).isEqualTo("13");
    assertThat(host.ledger().refundedTotal()).isEqualTo(10_000);
    assertThat(host.ledger().account(TEST_PAN).get().available())
        .isEqualTo(host.ledger().account(TEST_PAN).get().balance() - 5_000);
  }

  @Test
  void repeatedRefundAdviceIsAcknowledgedButAppliedOnce() throws Exception {
    Ref hold = hold(20_000);
    Ref completion = Ref.of(terminal.exchange(requests.completion(TEST_PAN, 15_000, hold)));
    IsoMessage refund = requests.refund(TEST_PAN, 4_000, completion);

    DecodedMessage first = terminal.exchange(refund);
    DecodedMessage repeat = terminal.exchange(refund.toBuilder().mti("0221").build());

    assertThat(List.of(first.readString(39), repeat.readString(39))).containsOnly("00");
    assertThat(repeat.mti()).isEqualTo("0230");
    assertThat(repeat.readString(37)).isEqualTo(first.readString(37));
    assertThat(host.ledger().refundedTotal()).isEqualTo(4_000);
    assertThat(host.ledger().duplicateAdvicesIgnored()).isEqualTo(1);
  }
}
