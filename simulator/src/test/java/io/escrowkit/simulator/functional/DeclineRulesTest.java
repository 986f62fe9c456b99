package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.DeclineTriggers;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.functional.Requests.Ref;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Amount triggers and card balances decide approvals, in every profile. */
class DeclineRulesTest {

  static Stream<Arguments> triggers() {
    return Stream.of(HostProfile.values())
        .flatMap(
            profile ->
                DeclineTriggers.table().entrySet().stream()
                    .map(e -> Arguments.of(profile, e.getKey(), e.getValue())));
  }

  @ParameterizedTest(name = "{0}: .{1} -> {2}")
  @MethodSource("triggers")
  void eachAmountTriggerAnswersItsCode(HostProfile profile, int cents, String code)
      throws Exception {
    Requests requests = new Requests(profile);
    try (AcquirerSimulator host = AcquirerSimulator.builder().profile(profile).start();
        TestTerminal terminal = new TestTerminal(host)) {
      DecodedMessage answer = terminal.exchange(requests.preAuth(TEST_PAN, 12_300 + cents));

      assertThat(answer.readString(39)).isEqualTo(code);
      boolean approved = code.equals("11");
      assertThat(answer.has(38)).isEqualTo(approved);
      assertThat(host.ledger().frozenTotal()).isEqualTo(approved ? 12_300 + cents : 0);
    }
  }

  @Test
  void completionRequestsMeetTheTriggersToo() throws Exception {
    Requests requests = new Requests(HostProfile.CUP);
    try (AcquirerSimulator host = AcquirerSimulator.builder().start();
        TestTerminal terminal = new TestTerminal(host)) {
      Ref hold = Ref.of(terminal.exchange(requests.preAuth(TEST_PAN, 20_000)));

      assertThat(terminal.exchange(requests.completion(TEST_PAN, 10_005, hold)).readString(39))
          .isEqualTo("05");
      assertThat(host.ledger().capturedTotal()).isZero();
    }
  }

  @Test
  void triggersCanBeTurnedOff() throws Exception {
    Requests requests = new Requests(HostProfile.CUP);
    try (AcquirerSimulator host = AcquirerSimulator.builder().amountTriggers(false).start();
        TestTerminal terminal = new TestTerminal(host)) {
      assertThat(terminal.exchange(requests.preAuth(TEST_PAN, 10_051)).readString(39))
          .isEqualTo("00");
    }
  }

  @Test
  void holdOverTheCardsAvailableBalanceIsDeclined51() throws Exception {
    Requests requests = new Requests(HostProfile.CUP);
    try (AcquirerSimulator host =
            AcquirerSimulator.builder().cardBalance(TEST_PAN, 50_000).start();
        TestTerminal terminal = new TestTerminal(host)) {
      assertThat(terminal.exchange(requests.preAuth(TEST_PAN, 30_000)).readString(39))
          .isEqualTo("00");
      assertThat(terminal.exchange(requests.preAuth(TEST_PAN, 20_010)).readString(39))
          .isEqualTo("51");
      assertThat(terminal.exchange(requests.preAuth(TEST_PAN, 20_000)).readString(39))
          .isEqualTo("00");
      assertThat(host.ledger().account(TEST_PAN).get().available()).isZero();
    }
  }

  @Test
  void completionBeyondTheHoldNeedsTheBalanceForTheExcess() throws Exception {
    Requests requests = new Requests(HostProfile.CUP);
    try (AcquirerSimulator host = AcquirerSimulator.builder().defaultBalance(10_500).start();
        TestTerminal terminal = new TestTerminal(host)) {
      Ref hold = Ref.of(terminal.exchange(requests.preAuth(TEST_PAN, 10_000)));

      assertThat(terminal.exchange(requests.completion(TEST_PAN, 11_000, hold)).readString(39))
          .isEqualTo("51");
      assertThat(terminal.exchange(requests.completion(TEST_PAN, 10_500, hold)).readString(39))
          .isEqualTo("00");
    }
  }

  @Test
  void balancesCanChangeWhileRunning() throws Exception {
    Requests requests = new Requests(HostProfile.CUP);
    try (AcquirerSimulator host = AcquirerSimulator.builder().start();
        TestTerminal terminal = new TestTerminal(host)) {
      host.ledger().setBalance(TEST_PAN, 100);

      assertThat(terminal.exchange(requests.preAuth(TEST_PAN, 200)).readString(39)).isEqualTo("51");
      assertThat(Map.of("available", host.ledger().account(TEST_PAN).get().available()))
          .containsEntry("available", 100L);
    }
  }
}
