package io.escrowkit.simulator.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.OperationStatus;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.Fault;
import io.escrowkit.simulator.HostProfile;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ISO 87 reversals sent as acquirer reversal advices ({@code reversalMti("0420")}): a hold whose
 * answer never comes is reversed by 0420, answered 0430; when that answer is lost too, the core's
 * retry goes as the repeat 0421, the simulator acknowledges it without a second undo, and nothing
 * stays frozen.
 */
class ReversalAdviceOverTcpTest {
  private SdkLoopback loop;

  @AfterEach
  void close() {
    if (loop != null) {
      loop.close();
    }
  }

  private void start(HostProfile profile) {
    loop =
        new SdkLoopback(
            SdkLoopback.Options.of(profile)
                .requestTimeout(Duration.ofSeconds(1))
                .transport(b -> b.reversalMti("0420")));
  }

  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"ISO87_BINARY", "ISO87_ASCII"})
  void timedOutHoldIsReversedByAnAdvice(HostProfile profile) {
    start(profile);
    loop.host.faults().next(Fault.NO_RESPONSE, "0100");

    Escrow hold = loop.hold("88.00");
    assertThat(hold.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
    Escrow reversed = loop.awaitReversal(hold);

    assertThat(reversed.state()).isEqualTo(EscrowState.REVERSED);
    assertThat(loop.wire()).containsExactly("0100 PRE_AUTH 00", "0420 REVERSAL 00");
    assertThat(loop.host.ledger().authorizations())
        .singleElement()
        .satisfies(auth -> assertThat(auth.status()).isEqualTo(AuthorizationStatus.REVERSED));
    assertThat(loop.host.ledger().frozenTotal()).isZero();
    assertThat(loop.host.ledger().reversalsApplied()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"ISO87_BINARY", "ISO87_ASCII"})
  void adviceWhoseAnswerIsLostIsRepeatedAs0421AndAppliedOnce(HostProfile profile) {
    start(profile);
    loop.host.faults().next(Fault.NO_RESPONSE, "0100").next(Fault.NO_RESPONSE, "0420");

    Escrow hold = loop.hold("88.00");
    assertThat(hold.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
    Escrow reversed = loop.awaitReversal(hold);

    assertThat(reversed.state()).isEqualTo(EscrowState.REVERSED);
    assertThat(loop.wire())
        .containsExactly("0100 PRE_AUTH 00", "0420 REVERSAL 00", "0421 REVERSAL 00");
    assertThat(loop.host.ledger().frozenTotal()).isZero();
    assertThat(loop.host.ledger().reversalsApplied()).isEqualTo(1);
    assertThat(loop.host.ledger().duplicateReversals()).isEqualTo(1);
  }
}
