package io.escrowkit.iso8583.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Money;
import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.SelfTestResult;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.iso8583.channel.Framing;
import io.escrowkit.iso8583.channel.LoopbackHost;
import io.escrowkit.iso8583.mapping.CaptureMode;
import io.escrowkit.iso8583.mapping.Requests;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The terminal's secure module failing while the transport MACs a request or checks an answer:
 * the terminal's fault (reversal reason 96), not the acquirer's or the network's, and the
 * driver's message, which may carry what it was given, stays out of the outcome.
 */
class SecureModuleFailureTest {
  /** A PAN a careless driver puts in its exception's message. */
  private static final String PAN = "6222021234567890123";
  private final AtomicLong traces = new AtomicLong(900);
  private LoopbackHost host;
  private IsoTransport transport;

  /** The test-key module, whose MAC or check fails with what {@code failure} gives, when set. */
  private static final class FailingModule implements SecureModule {
    private final SecureModule inner = SoftwareSecureModule.withTestKeys(new Random(5));
    volatile Supplier<RuntimeException> macFailure;
    volatile Supplier<RuntimeException> checkFailure;

    @Override
    public byte[] mac(MacAlgorithm algorithm, String keyId, byte[] data) {
      if (macFailure != null) {
        throw macFailure.get();
      }
      return inner.mac(algorithm, keyId, data);
    }

    @Override
    public boolean verifyMac(MacAlgorithm algorithm, String keyId, byte[] data, byte[] mac) {
      if (checkFailure != null) {
        throw checkFailure.get();
      }
      return inner.verifyMac(algorithm, keyId, data, mac);
    }

    @Override
    public SelfTestResult selfTest() {
      return inner.selfTest();
    }
  }

  @AfterEach
  void close() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (host != null) {
      host.close();
    }
  }

  private TransportOutcome holdThrough(FailingModule module) throws Exception {
    host = LoopbackHost.start(Specs.unionPayPos(), Framing.binaryLength(),
        new TestAcquirer());
    transport = IsoTransport.builder()
        .connect("127.0.0.1", host.port())
        .terminal(Requests.MERCHANT, Requests.TERMINAL, traces::incrementAndGet)
        .mac(module, SoftwareSecureModule.TEST_MAC_KEY_ID)
        .random(new Random(9))
        .build();
    Instant now = Instant.now();
    TransportRequest hold = Requests.holdWithPin(321).toBuilder()
        .transmittedAt(now).deadline(now.plusSeconds(10)).build();
    return transport.send(hold).get(20, TimeUnit.SECONDS);
  }

  @Test
  void aModuleThatCannotMacTheRequestIsATerminalFailureAndNothingIsSent() throws Exception {
    FailingModule module = new FailingModule();
    module.macFailure = () -> new DeviceException(DeviceFailure.HARDWARE_FAULT,
        DeviceComponent.SECURE_MODULE, "bus error after MAB " + PAN);

    TransportOutcome outcome = holdThrough(module);

    assertThat(outcome.unknownReason()).contains(UnknownReason.TERMINAL_FAILURE);
    assertThat(outcome.detail()).contains("not sent").contains("HARDWARE_FAULT")
        .doesNotContain(PAN);
    assertThat(host.poll(200)).isNull();
  }

  @Test
  void aModuleThatThrowsWhileCheckingTheAnswerIsATerminalFailure() throws Exception {
    FailingModule module = new FailingModule();
    module.checkFailure = () -> new IllegalStateException("driver state 3 for MAB " + PAN);

    TransportOutcome outcome = holdThrough(module);

    assertThat(outcome.unknownReason()).contains(UnknownReason.TERMINAL_FAILURE);
    assertThat(outcome.detail()).contains("secure module").doesNotContain(PAN);
    assertThat(host.next().message().mti()).isEqualTo("0100");
  }

  /**
   * An advice left unanswered on a connection that then drops goes again on the next one, signed
   * again for its sign-on; the module failing then is the terminal's fault too.
   */
  @Test
  void aModuleThatCannotSignARequestAgainForANewSessionIsATerminalFailure() throws Exception {
    FailingModule module = new FailingModule();
    TestAcquirer acquirer = new TestAcquirer();
    AtomicBoolean dropped = new AtomicBoolean();
    host = LoopbackHost.start(Specs.unionPayPos(), Framing.binaryLength(), request -> {
      if (request.mti().equals("0220") && dropped.compareAndSet(false, true)) {
        module.macFailure = () -> new DeviceException(DeviceFailure.HARDWARE_FAULT,
            DeviceComponent.SECURE_MODULE, "bus error after MAB " + PAN);
        request.peer().close(); // unanswered: repeated on the next connection, signed again
        return;
      }
      acquirer.onMessage(request);
    });
    transport = IsoTransport.builder()
        .connect("127.0.0.1", host.port())
        .terminal(Requests.MERCHANT, Requests.TERMINAL, traces::incrementAndGet)
        .mac(module, SoftwareSecureModule.TEST_MAC_KEY_ID)
        .signOnOnConnect(true)
        .captureMode(CaptureMode.ADVICE, Duration.ofMillis(100))
        .random(new Random(9))
        .build();
    Instant now = Instant.now();
    TransportRequest advice = Requests.followUp(RequestType.CAPTURE, 129,
            Money.of("100.00", "CNY"), Requests.HOLD_REFERENCES).toBuilder()
        .transmittedAt(now).deadline(now.plusSeconds(10)).build();

    TransportOutcome outcome = transport.send(advice).get(20, TimeUnit.SECONDS);

    assertThat(host.connectionsAccepted()).isGreaterThanOrEqualTo(2);
    assertThat(outcome.unknownReason()).contains(UnknownReason.TERMINAL_FAILURE);
    assertThat(outcome.detail()).doesNotContain(PAN);
  }
}
