package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.SdkLoopback.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.OperationStatus;
import io.escrowkit.simulator.HostProfile;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulator listening with TLS and the transport's TLS option: a whole hold and capture over
 * TLS, and a client that trusts another certificate, which never gets a connection, so its hold
 * ends in doubt (not sent), never declined, and the host books nothing.
 */
class TlsOverTcpTest {
  private static TestCertificates host;
  private static TestCertificates stranger;

  private SdkLoopback loop;

  @BeforeAll
  static void certificates(@TempDir Path dir) throws Exception {
    host = TestCertificates.generate(dir, "host");
    stranger = TestCertificates.generate(dir, "stranger");
  }

  @AfterEach
  void close() {
    if (loop != null) {
      loop.close();
    }
  }

  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"CUP", "ISO87_BINARY"})
  void holdAndCaptureOverTls(HostProfile profile) {
    startTrusting(profile, host, Duration.ofSeconds(5));

    Escrow captured = loop.hold("128.00").capture(cny("128.00")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(loop.wire()).containsExactly("0100 PRE_AUTH 00", "0200 COMPLETION 00");
    assertThat(loop.host.ledger().capturedTotal()).isEqualTo(12_800);
    assertThat(loop.host.ledger().frozenTotal()).isZero();
    assertThat(loop.transport.isConnected()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"CUP", "ISO87_BINARY"})
  void clientTrustingAnotherCertificateNeverConnects(HostProfile profile) {
    startTrusting(profile, stranger, Duration.ofMillis(800));

    Escrow hold = loop.hold("128.00");

    assertThat(hold.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
    assertThat(hold.state()).isEqualTo(EscrowState.IN_DOUBT);
    assertThat(loop.transport.isConnected()).isFalse();
    assertThat(loop.host.acceptedConnections()).isPositive();
    assertThat(loop.wire()).isEmpty();
    assertThat(loop.host.ledger().authorizations()).isEmpty();
  }

  /**
   * The frame timeout on a TLS connection: a half frame on one connection closes it, while the
   * SDK's connection, idle for longer than the timeout meanwhile (reads timing out under TLS), is
   * kept and carries the capture.
   */
  @ParameterizedTest
  @EnumSource(value = HostProfile.class, names = {"CUP"})
  void anIdleTlsConnectionOutlivesTheFrameTimeout(HostProfile profile) throws Exception {
    loop =
        new SdkLoopback(
            SdkLoopback.Options.of(profile)
                .requestTimeout(Duration.ofSeconds(5))
                .host(b -> b.tls(uncheck(host::serverContext)).frameTimeout(Duration.ofMillis(100)))
                .transport(b -> b.tls(uncheck(host::trustingContext))));
    Escrow held = loop.hold("128.00");

    try (SSLSocket half = (SSLSocket) host.trustingContext().getSocketFactory()
        .createSocket("127.0.0.1", loop.host.port())) {
      half.setSoTimeout(20_000); // a safety net; the host closes it after 100 ms
      half.startHandshake();
      half.getOutputStream().write(new byte[] {0, 100, 0x60, 0, 3, 0, 0});
      half.getOutputStream().flush();
      assertThat(half.getInputStream().read()).isEqualTo(-1);
    }
    Escrow captured = held.capture(cny("128.00")).execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(loop.host.acceptedConnections()).isEqualTo(2);
  }

  /** The simulator presents the host certificate; the transport trusts {@code trusted}'s. */
  private void startTrusting(HostProfile profile, TestCertificates trusted, Duration timeout) {
    loop =
        new SdkLoopback(
            SdkLoopback.Options.of(profile)
                .requestTimeout(timeout)
                .host(b -> b.tls(uncheck(host::serverContext)))
                .transport(b -> b.tls(uncheck(trusted::trustingContext))));
  }

  private interface Checked<T> {
    T get() throws Exception;
  }

  private static <T> T uncheck(Checked<T> supplier) {
    try {
      return supplier.get();
    } catch (Exception e) {
      throw new IllegalStateException("test TLS setup failed: " + e, e);
    }
  }
}
