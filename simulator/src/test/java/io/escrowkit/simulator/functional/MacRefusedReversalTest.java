package io.escrowkit.simulator.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.OperationStatus;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.SelfTestResult;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.simulator.Fault;
import io.escrowkit.simulator.HostProfile;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host cannot verify the MAC of the first reversals (its key for the terminal out of step for
 * a while): UnionPay hosts answer A0, ISO 8583:1987 hosts (as this simulator) 63. Both pass once
 * the keys agree again, so the reversal goes again until acknowledged, never ends refused.
 */
class MacRefusedReversalTest {
  private static final int REFUSED_REVERSALS = 2;
  private SdkLoopback loop;

  @AfterEach
  void close() {
    if (loop != null) {
      loop.close();
    }
  }

  /** The host's module: the MACs of the first {@value #REFUSED_REVERSALS} reversals fail. */
  private static final class KeyOutOfStepForReversals implements SecureModule {
    private final SecureModule inner = SoftwareSecureModule.withTestKeys(new Random(5));
    private final AtomicInteger failed = new AtomicInteger();

    @Override
    public byte[] mac(MacAlgorithm algorithm, String keyId, byte[] data) {
      return inner.mac(algorithm, keyId, data);
    }

    @Override
    public boolean verifyMac(MacAlgorithm algorithm, String keyId, byte[] data, byte[] mac) {
      boolean reversal = data.length > 1
          && (data[0] == 0x04 || (data[0] == '0' && data[1] == '4'));
      if (reversal && failed.getAndIncrement() < REFUSED_REVERSALS) {
        return false;
      }
      return inner.verifyMac(algorithm, keyId, data, mac);
    }

    @Override
    public SelfTestResult selfTest() {
      return inner.selfTest();
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"CUP", "ISO87_ASCII", "ISO87_BINARY"})
  void aReversalRefusedForABadMacIsSentAgainUntilAcknowledged(HostProfile profile) {
    loop = new SdkLoopback(SdkLoopback.Options.of(profile)
        .requestTimeout(Duration.ofSeconds(1))
        .host(b -> b.secureModule(new KeyOutOfStepForReversals(),
            SoftwareSecureModule.TEST_MAC_KEY_ID)));
    loop.host.faults().next(Fault.NO_RESPONSE, "0100");

    Escrow inDoubt = loop.hold("128.00");
    assertThat(inDoubt.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
    Escrow after = loop.awaitReversal(inDoubt);

    assertThat(after.state()).isEqualTo(EscrowState.REVERSED);
    String macRefused = profile == HostProfile.CUP ? "A0" : "63";
    assertThat(loop.exchanges("REVERSAL"))
        .extracting(exchange -> exchange.responseCode().orElse("-"))
        .containsExactly(macRefused, macRefused, "00");
  }
}
