package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.spi.UnknownReason;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsChannelTest extends ChannelTestSupport {
  private static TestTls tls;
  private final IsoSpec spec = Specs.unionPayPos();

  @BeforeAll
  static void generateTestCertificate(@TempDir Path directory) throws Exception {
    tls = TestTls.generate(directory);
  }

  @Test
  void requestAndAnswerTravelOverTlsWithTheHostNameChecked() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                tls.serverSocket(),
                spec,
                Framing.binaryLength(),
                LoopbackHost.approvingAll()));
    SSLContext client = tls.clientTrustingHost();
    IsoChannel channel =
        channel(
            host.port(),
            spec,
            Framing.binaryLength(),
            ChannelSession.none(),
            settings -> settings.withTls(TlsSettings.of(client)));

    ChannelResult result = await(channel.send(request(spec, "0100", 1), soon()));

    assertThat(result.isAnswer()).isTrue();
    assertThat(result.message().get().readString(39)).isEqualTo("00");
    assertThat(host.next().message().readString(41)).isEqualTo(TERMINAL);
  }

  @Test
  void untrustedHostIsNeverSentTheRequest() throws Exception {
    LoopbackHost host =
        closeLater(
            LoopbackHost.start(
                tls.serverSocket(),
                spec,
                Framing.binaryLength(),
                LoopbackHost.approvingAll()));
    TlsSettings platformTrust = TlsSettings.of(SSLContext.getDefault());
    IsoChannel channel =
        channel(
            host.port(),
            spec,
            Framing.binaryLength(),
            ChannelSession.none(),
            settings -> settings.withTls(platformTrust));

    ChannelResult result =
        await(channel.send(request(spec, "0100", 2), in(Duration.ofMillis(500))));

    assertThat(result.failure()).contains(UnknownReason.TIMEOUT);
    assertThat(result.detail()).startsWith("not sent");
    assertThat(host.poll(50)).isNull();
  }
}
