package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.HostProfile;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * UnionPay MACs: computed by the terminal here, independently of the simulator, over MTI to field
 * 63 with the UnionPay ECB algorithm under the test key; the simulator checks them and signs its
 * answers the same way.
 */
class MacTest {

  private final Requests requests = new Requests(HostProfile.CUP);
  private final IsoCodec codec = IsoCodec.of(HostProfile.CUP.spec());

  @Test
  void signedRequestGetsASignedAnswer() throws Exception {
    try (AcquirerSimulator host = AcquirerSimulator.builder().start();
        TestTerminal terminal = new TestTerminal(host)) {
      terminal.send(terminal.sign(requests.preAuth(TEST_PAN, 1_000), false));
      byte[] body = terminal.receiveBody();

      DecodedMessage answer = codec.decode(body);
      assertThat(answer.readString(39)).isEqualTo("00");
      assertThat(answer.readBytes(64)).hasSize(8);
      assertThat(terminal.macVerifies(answer, body)).isTrue();
    }
  }

  @Test
  void badMacIsRefusedA0WithoutMacAndWithoutTouchingTheBooks() throws Exception {
    try (AcquirerSimulator host = AcquirerSimulator.builder().start();
        TestTerminal terminal = new TestTerminal(host)) {
      DecodedMessage answer =
          terminal.exchange(terminal.sign(requests.preAuth(TEST_PAN, 1_000), true));

      assertThat(answer.mti()).isEqualTo("0110");
      assertThat(answer.readString(39)).isEqualTo("A0");
      assertThat(answer.has(64)).isFalse();
      assertThat(answer.has(38)).isFalse();
      assertThat(host.ledger().authorizations()).isEmpty();
    }
  }

  /** ISO 8583:1987 has no A0: a bad MAC is a security violation, 63, answered without a MAC. */
  @ParameterizedTest
  @EnumSource(names = {"ISO87_BINARY", "ISO87_ASCII"})
  void anIsoProfileRefusesABadMacWithSixtyThree(HostProfile profile) throws Exception {
    Requests iso = new Requests(profile);
    try (AcquirerSimulator host = AcquirerSimulator.builder().profile(profile).start();
        TestTerminal terminal = new TestTerminal(host)) {
      DecodedMessage answer = terminal.exchange(terminal.sign(iso.preAuth(TEST_PAN, 1_000), true));

      assertThat(answer.mti()).isEqualTo("0110");
      assertThat(answer.readString(39)).isEqualTo("63");
      assertThat(answer.has(64) || answer.has(128)).isFalse();
      assertThat(host.ledger().authorizations()).isEmpty();
    }
  }

  @Test
  void requiredMacRefusesUnsignedFinancialRequestsButNotNetworkManagement() throws Exception {
    try (AcquirerSimulator host = AcquirerSimulator.builder().requireMac(true).start();
        TestTerminal terminal = new TestTerminal(host)) {
      assertThat(terminal.exchange(requests.signOn()).readString(39)).isEqualTo("00");
      assertThat(terminal.exchange(requests.preAuth(TEST_PAN, 1_000)).readString(39))
          .isEqualTo("A0");
      assertThat(terminal.exchangeSigned(requests.preAuth(TEST_PAN, 1_000)).readString(39))
          .isEqualTo("00");
    }
  }

  @Test
  void aFailingSecureModuleIsAnsweredA7WithoutMac() throws Exception {
    try (AcquirerSimulator host =
            AcquirerSimulator.builder()
                .secureModule(SoftwareSecureModule.withTestKeys(new Random(1)), "NO_SUCH_KEY")
                .start();
        TestTerminal terminal = new TestTerminal(host)) {
      DecodedMessage answer = terminal.exchangeSigned(requests.preAuth(TEST_PAN, 1_000));

      assertThat(answer.readString(39)).isEqualTo("A7");
      assertThat(answer.has(64)).isFalse();
      assertThat(host.ledger().authorizations()).isEmpty();
    }
  }
}
