package io.escrowkit.iso8583.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Money;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.iso8583.IsoTransportBuilder;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.iso8583.channel.Framing;
import io.escrowkit.iso8583.channel.LogCapture;
import io.escrowkit.iso8583.channel.LoopbackHost;
import io.escrowkit.iso8583.mapping.CaptureMode;
import io.escrowkit.iso8583.mapping.Dialect;
import io.escrowkit.iso8583.mapping.MacSigner;
import io.escrowkit.iso8583.mapping.Requests;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IsoTransport against a loopback acquirer: outcomes, MACs, sign-on, advices, logs. */
class IsoTransportTest {
  private final TestAcquirer acquirer = new TestAcquirer();
  private final AtomicLong traces = new AtomicLong(800);
  private LoopbackHost host;
  private IsoTransport transport;

  @AfterEach
  void close() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (host != null) {
      host.close();
    }
  }

  private void start(IsoTransportBuilder builder) throws Exception {
    host = LoopbackHost.start(Specs.unionPayPos(), Framing.binaryLength(), acquirer);
    transport = builder.connect("127.0.0.1", host.port()).build();
  }

  private IsoTransportBuilder plain() {
    return IsoTransport.builder()
        .terminal(Requests.MERCHANT, Requests.TERMINAL, traces::incrementAndGet)
        .mac(SoftwareSecureModule.withTestKeys(new Random(5)), SoftwareSecureModule.TEST_MAC_KEY_ID)
        .random(new Random(9));
  }

  private TransportOutcome send(TransportRequest request) throws Exception {
    return transport.send(request).get(20, TimeUnit.SECONDS);
  }

  /** The request, sent now with a deadline {@code seconds} ahead. */
  private static TransportRequest fresh(TransportRequest r, long seconds) {
    Instant now = Instant.now();
    return r.toBuilder().transmittedAt(now).deadline(now.plusSeconds(seconds)).build();
  }

  @Test
  void approvedHoldReturnsTheReferencesFollowUpsNeed() throws Exception {
    start(plain());

    TransportOutcome outcome = send(fresh(Requests.holdWithPin(123), 10));

    assertThat(outcome.isApproved()).isTrue();
    assertThat(outcome.hostReferences())
        .containsEntry(HostReference.AUTHORIZATION_CODE, "A00001")
        .containsEntry(HostReference.RETRIEVAL_REFERENCE, "000000000001")
        .containsEntry(HostReference.ORIGINAL_TRACE, "000123")
        .containsEntry(HostReference.ORIGINAL_BATCH, "000001")
        .containsEntry(HostReference.ORIGINAL_DATE, "0315");
    assertThat(host.next().message().has(64)).isTrue();
  }

  @Test
  void hostDeclineIsADeclineWithItsCode() throws Exception {
    start(plain());
    acquirer.answerWith("51");

    TransportOutcome outcome = send(fresh(Requests.holdWithPin(124), 10));

    assertThat(outcome.kind()).isEqualTo(TransportOutcome.Kind.DECLINED);
    assertThat(outcome.responseCode()).contains("51");
  }

  @Test
  void answerWithAForgedMacIsInDoubtNotApproved() throws Exception {
    start(plain());
    acquirer.forgeMacs(1);

    TransportOutcome outcome = send(fresh(Requests.holdWithPin(125), 10));

    assertThat(outcome.unknownReason()).contains(UnknownReason.BAD_MAC);
  }

  @Test
  void unansweredRequestEndsInDoubtByItsDeadline() throws Exception {
    start(plain());
    host.respondWith(request -> {});

    TransportOutcome outcome = send(fresh(Requests.holdWithPin(126), 1));

    assertThat(outcome.unknownReason()).contains(UnknownReason.TIMEOUT);
  }

  @Test
  void closingTheTransportEndsRequestsInFlightAsConnectionLost() throws Exception {
    start(plain());
    host.respondWith(request -> {});
    var pending = transport.send(fresh(Requests.holdWithPin(127), 30));
    host.next();

    transport.close();

    assertThat(pending.get(10, TimeUnit.SECONDS).unknownReason())
        .contains(UnknownReason.CONNECTION_LOST);
  }

  @Test
  void signOnOnConnectTakesTheHostsBatchNumber() throws Exception {
    start(plain().signOnOnConnect(true));

    TransportOutcome outcome = send(fresh(Requests.holdWithPin(128), 10));

    assertThat(outcome.isApproved()).isTrue();
    LoopbackHost.Received signOn = host.next();
    assertThat(signOn.mti()).isEqualTo("0800");
    assertThat(signOn.field(11)).isEqualTo("000801");
    assertThat(host.next().message().readSubfield(60, 2)).isEqualTo("000042");
    assertThat(transport.batchNumber()).isEqualTo(42);
    assertThat(transport.isConnected()).isTrue();
  }

  @Test
  void adviceCaptureIsRepeatedAs0221UntilTheHostAnswers() throws Exception {
    start(plain().captureMode(CaptureMode.ADVICE, Duration.ofMillis(100)));
    host.respondWith(
        request -> {
          if (request.mti().equals("0221")) {
            acquirer.onMessage(request);
          }
        });

    TransportOutcome outcome =
        send(
            fresh(
                Requests.followUp(
                    RequestType.CAPTURE, 129, Money.of("100.00", "CNY"), Requests.HOLD_REFERENCES),
                10));

    assertThat(outcome.isApproved()).isTrue();
    assertThat(host.next().mti()).isEqualTo("0220");
    LoopbackHost.Received repeat = host.next();
    assertThat(repeat.mti()).isEqualTo("0221");
    assertThat(TestAcquirer.TEST_SIGNER.verify(repeat.frame(), repeat.message()))
        .isEqualTo(io.escrowkit.iso8583.mapping.MacSigner.Check.VALID);
  }

  @Test
  void logsNeverCarryThePanTrackPinOrChipData() throws Exception {
    start(plain());
    try (LogCapture log = LogCapture.of("io.escrowkit")) {
      send(fresh(Requests.holdWithPin(130), 10));
      acquirer.answerWith("05");
      send(fresh(Requests.holdWithPin(131), 10));

      assertThat(log.text())
          .contains("620000******0005")
          .doesNotContain("6200000000000005")
          .doesNotContain("49122010000000000")
          .doesNotContain("0102030405060708")
          .doesNotContain("0123456789ABCDEF");
    }
  }

  @Test
  void iso87AsciiDialectCarriesAHoldAndItsReleaseWithX919Macs() throws Exception {
    MacSigner x919 =
        new MacSigner(
            SoftwareSecureModule.withTestKeys(new Random(4)),
            MacAlgorithm.ANSI_X9_19,
            SoftwareSecureModule.TEST_MAC_KEY_ID);
    host = LoopbackHost.start(Specs.iso87Ascii(), Framing.asciiLength(), new TestAcquirer(x919));
    transport =
        plain()
            .connect("127.0.0.1", host.port())
            .dialect(Dialect.ISO87_ASCII)
            .framing(Framing.asciiLength())
            .build();

    TransportOutcome hold = send(fresh(Requests.holdWithPin(140), 10));
    TransportOutcome release =
        send(
            fresh(
                Requests.followUp(RequestType.RELEASE, 141, Requests.HELD, hold.hostReferences()),
                10));

    assertThat(hold.isApproved()).isTrue();
    assertThat(release.isApproved()).isTrue();
    LoopbackHost.Received preAuth = host.next();
    LoopbackHost.Received cancel = host.next();
    assertThat(preAuth.message().has(64)).isTrue();
    assertThat(cancel.message().has(128)).isTrue();
    assertThat(cancel.field(90)).startsWith("0100000140" + preAuth.field(7));
  }

  @Test
  void builderRefusesASettingGivenTwiceAndSignOnWithoutATerminal() {
    assertThatThrownBy(() -> IsoTransport.builder().connect("h", 1).connect("h", 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("connect was already set");
    assertThatThrownBy(() -> IsoTransport.builder().connect("h", 1).signOnOnConnect(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("terminal(");
    assertThatThrownBy(() -> IsoTransport.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connect(");
  }

  @Test
  void loadingWorkingKeysNeedsAMacModuleASignOnAndTheUnionPayDialect() {
    assertThatThrownBy(
            () ->
                IsoTransport.builder()
                    .connect("h", 1)
                    .loadWorkingKeys("TEST_MASTER_KEY", "PIK", "TDK")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("loadWorkingKeys needs mac(module, keyId)");
    assertThatThrownBy(
            () ->
                IsoTransport.builder()
                    .connect("h", 1)
                    .dialect(Dialect.ISO87_BINARY)
                    .terminal("898310048990001", "10000001", () -> 1)
                    .signOnOnConnect(true)
                    .mac(SoftwareSecureModule.withTestKeys(new Random(1)), "MAK")
                    .loadWorkingKeys("TEST_MASTER_KEY", "PIK", "TDK")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("UnionPay dialect");
  }

  @Test
  void signOnKeySchemeNeedsAUnionPaySignOnAndAKnownScheme() {
    assertThatThrownBy(
            () -> IsoTransport.builder().connect("h", 1).signOnKeyScheme("001").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("signOnKeyScheme needs signOnOnConnect(true)");
    assertThatThrownBy(
            () -> signingOn().dialect(Dialect.ISO87_BINARY).signOnKeyScheme("001").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("signOnKeyScheme is for the UnionPay dialect");
    assertThatThrownBy(() -> signingOn().signOnKeyScheme("002").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signOnKeyScheme must be 001, 003 or 004, got 002");
  }

  private static IsoTransportBuilder signingOn() {
    return IsoTransport.builder()
        .connect("h", 1)
        .terminal("898310048990001", "10000001", () -> 1)
        .signOnOnConnect(true);
  }

  @Test
  void unsupportedTpduLengthIsRefusedWhenBuilding() {
    assertThatThrownBy(() -> IsoTransport.builder().connect("h", 1).tpdu(new byte[3]).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5-byte TPDU");
  }
}
