package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.spi.UnknownReason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that keeps the connection up but stops reading: its receive window shuts, and a socket
 * write blocks with no timeout of its own. The channel's write watchdog drops the connection after
 * the write timeout (over TLS too, whose close would otherwise wait for the blocked write), the
 * requests written on it end in doubt saying why, and the next connection carries on.
 */
class StalledWritesTest extends ChannelTestSupport {
  private static final Duration WRITE_TIMEOUT = Duration.ofMillis(300);
  /** Far more than loopback socket buffers hold: some write is bound to block. */
  private static final int MAX_REQUESTS = 60_000;
  private static TestTls tls;
  private final IsoSpec spec = Specs.iso87Binary();
  private final CountDownLatch hostResumes = new CountDownLatch(1);

  @BeforeAll
  static void generateTestCertificate(@TempDir Path directory) throws Exception {
    tls = TestTls.generate(directory);
  }

  @BeforeEach
  void letTheHostGoAfterTheTest() {
    closeLater(hostResumes::countDown); // closed last: the host's stalled thread ends then
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void connectionWhoseHostStoppedReadingIsDroppedAndTheNextOneCarriesOn() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(spec, Framing.binaryLength(),
        this::stopReadingOnFirstConnection));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), ChannelSession.none(),
        settings -> settings.withWriteTimeout(WRITE_TIMEOUT));

    sendUntilTheFirstConnectionIsDroppedThenProbe(host, channel);
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void overTlsTheBlockedWriteIsFreedAndTheConnectionDroppedToo() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(tls.serverSocket(), spec,
        Framing.binaryLength(), this::stopReadingOnFirstConnection));
    TlsSettings trustingHost = TlsSettings.of(tls.clientTrustingHost());
    UnaryOperator<ChannelSettings> tlsAndTimeout =
        settings -> settings.withTls(trustingHost).withWriteTimeout(WRITE_TIMEOUT);
    IsoChannel channel =
        channel(host.port(), spec, Framing.binaryLength(), ChannelSession.none(), tlsAndTimeout);

    sendUntilTheFirstConnectionIsDroppedThenProbe(host, channel);
  }

  /** The host's first connection answers nothing and reads no more; later ones approve. */
  private void stopReadingOnFirstConnection(LoopbackHost.Received request) throws IOException {
    if (request.peer().number() == 1) {
      try {
        hostResumes.await();
      } catch (InterruptedException ended) {
        Thread.currentThread().interrupt();
      }
    } else {
      request.peer().send(HostAnswers.approve(request.message()));
    }
  }

  /**
   * Sends large requests (this thread itself ends up blocked in a write) until the first one ends:
   * the watchdog dropped its connection. Then every request has ended or ends, and a new one is
   * answered on the host's second connection.
   */
  private void sendUntilTheFirstConnectionIsDroppedThenProbe(LoopbackHost host, IsoChannel channel)
      throws Exception {
    List<CompletableFuture<ChannelResult>> sent = new ArrayList<>();
    sent.add(channel.send(large(1), in(Duration.ofSeconds(50))));
    CompletableFuture<ChannelResult> first = sent.get(0);
    while (!first.isDone() && sent.size() < MAX_REQUESTS) {
      sent.add(channel.send(large(sent.size() + 1), in(Duration.ofSeconds(50))));
    }

    ChannelResult dropped = await(first);
    assertThat(dropped.failure()).contains(UnknownReason.CONNECTION_LOST);
    assertThat(dropped.detail())
        .startsWith("connection dropped: a write blocked for")
        .contains("the host is not reading");
    for (CompletableFuture<ChannelResult> request : sent) {
      ChannelResult result = await(request);
      assertThat(result.isAnswer()
              || result.failure().equals(Optional.of(UnknownReason.CONNECTION_LOST)))
          .as("request ended as answered or lost with its connection: %s", result.detail())
          .isTrue();
    }
    ChannelResult probe = await(channel.send(request(spec, "0100", 999_999), soon()));
    assertThat(probe.isAnswer()).isTrue();
    assertThat(host.connectionsAccepted()).isGreaterThanOrEqualTo(2);
  }

  /** A request of about 1 KB: field 48 filled. */
  private IsoMessage large(long trace) {
    return request(spec, "0100", trace).toBuilder().set(48, "X".repeat(999)).build();
  }
}
