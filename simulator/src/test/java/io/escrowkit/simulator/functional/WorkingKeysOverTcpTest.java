package io.escrowkit.simulator.functional;

import static io.escrowkit.device.simulated.SoftwareSecureModule.TEST_MASTER_KEY_ID;
import static io.escrowkit.simulator.functional.SdkLoopback.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.OperationStatus;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.IsoTransportBuilder;
import io.escrowkit.iso8583.mapping.CaptureMode;
import io.escrowkit.simulator.Fault;
import io.escrowkit.simulator.HostProfile;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UnionPay sign-on keys end to end: the simulator answers each sign-on with fresh working keys
 * under the shared test master key and checks each terminal's MACs with the MAC key it issued; the
 * transport loads them (into the key id it MACs with) before its connection carries requests.
 */
class WorkingKeysOverTcpTest {
  private static final String MASTER = TEST_MASTER_KEY_ID;

  private SdkLoopback loop;

  @AfterEach
  void close() {
    if (loop != null) {
      loop.close();
    }
  }

  private void start(boolean terminalLoadsKeys, Duration requestTimeout) {
    start(requestTimeout, b -> terminalLoadsKeys ? b.loadWorkingKeys(MASTER, "PIK", "TDK") : b);
  }

  private void start(Duration requestTimeout, UnaryOperator<IsoTransportBuilder> terminal) {
    loop =
        new SdkLoopback(
            SdkLoopback.Options.of(HostProfile.CUP)
                .requestTimeout(requestTimeout)
                .host(b -> b.issueWorkingKeys(MASTER))
                .transport(terminal));
  }

  @Test
  void aTerminalAskingForSingleDesKeysGetsThemAndMacsWithThem() {
    start(Duration.ofSeconds(5),
        b -> b.loadWorkingKeys(MASTER, "PIK", "TDK").signOnKeyScheme("001"));

    Escrow captured = loop.hold("128.00").capture(cny("128.00")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(loop.wire()).containsExactly("0100 PRE_AUTH 00", "0200 COMPLETION 00");
    assertThat(loop.exchanges("SIGN_ON"))
        .singleElement()
        .satisfies(signOn -> assertThat(signOn.note()).endsWith("key scheme 001"));
  }

  @Test
  void holdAndCaptureAreMacedWithTheKeysOfTheSignOn() {
    start(true, Duration.ofSeconds(5));

    Escrow captured = loop.hold("128.00").capture(cny("128.00")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(loop.wire()).containsExactly("0100 PRE_AUTH 00", "0200 COMPLETION 00");
    assertThat(loop.host.workingKeysIssued()).isEqualTo(1);
    assertThat(loop.host.ledger().capturedTotal()).isEqualTo(12_800);
  }

  @Test
  void aTerminalThatIgnoresTheKeysMacsWithTheOldKeyAndIsRefused() {
    start(false, Duration.ofSeconds(5));

    Escrow hold = loop.hold("128.00");

    assertThat(hold.state()).isNotEqualTo(EscrowState.HELD);
    assertThat(loop.wire()).first().isEqualTo("0100 PRE_AUTH A0");
    assertThat(loop.host.ledger().authorizations()).isEmpty();
  }

  /**
   * The host changes the terminal's keys on its own (a key change, a cutover) and answers the next
   * request A0: the transport signs on again over the same connection, and the request after it
   * goes through with the new keys.
   */
  @Test
  void afterTheHostChangedItsKeysAnA0AnswerIsFollowedByASignOnAndTheNextRequestGoesThrough() {
    SoftwareSecureModule hostModule = SoftwareSecureModule.withTestKeys(new Random(41));
    loop =
        new SdkLoopback(
            SdkLoopback.Options.of(HostProfile.CUP)
                .requestTimeout(Duration.ofSeconds(5))
                .host(b -> b.secureModule(hostModule, SoftwareSecureModule.TEST_MAC_KEY_ID)
                    .issueWorkingKeys(MASTER))
                .transport(b -> b.loadWorkingKeys(MASTER, "PIK", "TDK")));
    Escrow first = loop.hold("128.00");
    hostModule.issueWorkingKey(MASTER, "MAK." + SdkLoopback.TERMINAL, 16, 4);

    Escrow refused = loop.hold("64.00");
    Escrow next = loop.hold("32.00");

    assertThat(first.state()).isEqualTo(EscrowState.HELD);
    assertThat(refused.state()).isEqualTo(EscrowState.DECLINED);
    assertThat(next.state()).isEqualTo(EscrowState.HELD);
    assertThat(loop.wire())
        .containsExactly("0100 PRE_AUTH 00", "0100 PRE_AUTH A0", "0100 PRE_AUTH 00");
    assertThat(loop.exchanges("SIGN_ON")).hasSize(2);
    assertThat(loop.host.workingKeysIssued()).isEqualTo(2);
    assertThat(loop.host.ledger().frozenTotal()).isEqualTo(16_000);
  }

  @Test
  void aWrongCheckValueKeepsTheTransportNotReadyUntilASignOnLoads() {
    start(true, Duration.ofMillis(800));
    loop.host.corruptKeyCheckValues(Integer.MAX_VALUE);

    Escrow hold = loop.hold("128.00");

    assertThat(hold.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
    assertThat(loop.transport.isConnected()).isFalse();
    assertThat(loop.wire()).isEmpty();
    assertThat(loop.host.workingKeysIssued()).isPositive();

    loop.host.corruptKeyCheckValues(0);
    Escrow reversed = loop.awaitReversal(hold);
    Escrow next = loop.hold("64.00");

    assertThat(reversed.state()).isEqualTo(EscrowState.REVERSED);
    assertThat(next.state()).isEqualTo(EscrowState.HELD);
    assertThat(loop.transport.isConnected()).isTrue();
    assertThat(loop.host.ledger().frozenTotal()).isEqualTo(6_400);
  }

  /**
   * An offline capture's advice whose answer is lost with its connection is repeated (0221) on the
   * next one, after a sign-on that issued new keys: it must go out MACed with those, not with the
   * key the host has replaced (which it would refuse, A0).
   */
  @Test
  void anAdviceRepeatedAfterAReconnectIsMacedWithTheNewKeys() {
    start(Duration.ofSeconds(5), b -> b.loadWorkingKeys(MASTER, "PIK", "TDK")
        .captureMode(CaptureMode.ONLINE, Duration.ofMillis(100)));
    Escrow held = loop.hold("128.00");
    loop.host.faults().next(Fault.RESET_MID_FRAME, "0220");

    Escrow captured = held.capture(cny("128.00")).offline().execute();
    loop.events.awaitCause(held.id(), "completion advice of the offline capture acknowledged",
        Duration.ofSeconds(20));

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(loop.host.workingKeysIssued()).isEqualTo(2);
    List<String> advices = loop.wire().subList(1, loop.wire().size());
    assertThat(advices).first().isEqualTo("0220 COMPLETION_ADVICE 00");
    assertThat(advices.subList(1, advices.size())).isNotEmpty()
        .allMatch(line -> line.startsWith("0221 COMPLETION_ADVICE "))
        .noneMatch(line -> line.endsWith(" A0"));
    assertThat(loop.host.ledger().capturedTotal()).isEqualTo(12_800);
  }

  @Test
  void aReconnectSignsOnAgainAndUsesTheNewKeys() {
    start(true, Duration.ofSeconds(2));
    Escrow first = loop.hold("128.00");
    assertThat(first.state()).isEqualTo(EscrowState.HELD);
    loop.host.faults().next(Fault.RESET_MID_FRAME, "0200");

    Escrow inDoubt = first.capture(cny("128.00")).execute();
    assertThat(inDoubt.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
    Escrow backToHeld = loop.awaitReversal(inDoubt);
    Escrow captured = backToHeld.capture(cny("128.00")).execute();

    assertThat(loop.host.workingKeysIssued()).isEqualTo(2);
    assertThat(backToHeld.state()).isEqualTo(EscrowState.HELD);
    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(loop.wire())
        .containsExactly(
            "0100 PRE_AUTH 00", "0200 COMPLETION 00", "0400 REVERSAL 00", "0200 COMPLETION 00");
    assertThat(loop.host.ledger().capturedTotal()).isEqualTo(12_800);
    assertThat(loop.host.ledger().frozenTotal()).isZero();
  }
}
