package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.spi.UnknownReason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * requests written on it end in doubt saying why, and the next connection carries on. The host's
 * sockets take only a few KB unread, so the client's own send buffer is what fills.
 */
class StalledWritesTest extends ChannelTestSupport {
  private static final Duration WRITE_TIMEOUT = Duration.ofMillis(300);
  private static final int HOST_RECEIVE_BUFFER = 4096;
  /** How long to keep sending for some write to block: far longer than filling buffers takes. */
  private static final Duration SEND_FOR_AT_MOST = Duration.ofSeconds(20);
  private static final String DROPPED_BY_WATCHDOG =
      "connection dropped( while sending)?: "
          + "a write blocked for \\d+ ms \\(the host is not reading\\)";
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
    LoopbackHost host = closeLater(LoopbackHost.start(smallBufferServer(), spec,
        Framing.binaryLength(), this::stopReadingOnFirstConnection));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), ChannelSession.none(),
        settings -> settings.withWriteTimeout(WRITE_TIMEOUT));

    sendUntilTheFirstConnectionIsDroppedThenProbe(host, channel);
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void overTlsTheBlockedWriteIsFreedAndTheConnectionDroppedToo() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(tls.serverSocket(HOST_RECEIVE_BUFFER), spec,
        Framing.binaryLength(), this::stopReadingOnFirstConnection));
    TlsSettings trustingHost = TlsSettings.of(tls.clientTrustingHost());
    UnaryOperator<ChannelSettings> tlsAndTimeout =
        settings -> settings.withTls(trustingHost).withWriteTimeout(WRITE_TIMEOUT);
    IsoChannel channel =
        channel(host.port(), spec, Framing.binaryLength(), ChannelSession.none(), tlsAndTimeout);

    sendUntilTheFirstConnectionIsDroppedThenProbe(host, channel);
  }

  /**
   * Advices repeated every millisecond are the only traffic, so the write that blocks is a repeat.
   * Written on the scheduler (one thread here), it would stop the watchdog on that same thread and
   * nothing would free it; written off the scheduler, the watchdog drops the connection and the
   * advices are answered on the next one.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void advicesRepeatingIntoAStalledConnectionDoNotStopTheWatchdog() throws Exception {
    LoopbackHost host = closeLater(LoopbackHost.start(smallBufferServer(), spec,
        Framing.binaryLength(), this::stopReadingOnFirstConnection));
    ScheduledExecutorService oneTimer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "test-channel-one-timer");
      thread.setDaemon(true);
      return thread;
    });
    closeLater(oneTimer::shutdownNow);
    ChannelRuntime runtime = new ChannelRuntime(
        Clock.systemUTC(), oneTimer, runtime().threads(), new Random(7));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), ChannelSession.none(),
        settings -> settings.withWriteTimeout(WRITE_TIMEOUT), runtime);

    List<CompletableFuture<ChannelResult>> advices = new ArrayList<>();
    for (long trace = 1; trace <= 20; trace++) {
      advices.add(channel.sendRepeating(request(spec, "0220", trace),
          request(spec, "0221", trace), Duration.ofMillis(1), in(Duration.ofSeconds(50))));
    }

    for (CompletableFuture<ChannelResult> advice : advices) {
      ChannelResult result = advice.get(40, TimeUnit.SECONDS);
      assertThat(result.isAnswer()).as("advice answered: %s", result.detail()).isTrue();
    }
    assertThat(host.connectionsAccepted()).isGreaterThanOrEqualTo(2);
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
    long until = System.nanoTime() + SEND_FOR_AT_MOST.toNanos();
    while (!first.isDone() && System.nanoTime() < until) {
      sent.add(channel.send(large(sent.size() % 999_998 + 1), in(Duration.ofSeconds(50))));
    }

    ChannelResult dropped = await(first);
    assertThat(dropped.failure()).contains(UnknownReason.CONNECTION_LOST);
    // "while sending" when the first request's frame was in the blocked write itself (it was
    // queued while the connection came up, and written with others by the thread that flushed)
    assertThat(dropped.detail()).matches(DROPPED_BY_WATCHDOG);
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

  /** A plain server socket whose connections take only a few KB unread. */
  private static ServerSocket smallBufferServer() throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReceiveBufferSize(HOST_RECEIVE_BUFFER);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    return server;
  }

  /** A request of about 1 KB: field 48 filled. */
  private IsoMessage large(long trace) {
    return request(spec, "0100", trace).toBuilder().set(48, "X".repeat(999)).build();
  }
}
