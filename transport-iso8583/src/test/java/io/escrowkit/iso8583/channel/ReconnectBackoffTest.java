package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The reconnect backoff holds against requests sent while a connection ends; a thread that cannot
 * be had for an attempt is a failed attempt, not the end of reconnecting; and a request that never
 * got a connection is told so when the channel closes.
 */
class ReconnectBackoffTest extends ChannelTestSupport {
  private final IsoSpec spec = Specs.iso87Binary();

  /**
   * A host that drops every connection it accepts, and a client that sends again as soon as a
   * request ends in doubt (as a retry or a reversal does): the second connection still waits for
   * the backoff (1 to 2 s here). Before, the request sent while the first connection's requests
   * were failed connected at once, and so on: 70 connections in 1.5 s.
   */
  @Test
  void aRequestSentAsTheConnectionEndsWaitsForTheBackoff() throws Exception {
    ServerSocket server = closeLater(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    BlockingQueue<Long> acceptedAt = new LinkedBlockingQueue<>();
    Thread dropper = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          acceptedAt.add(System.nanoTime());
          socket.getInputStream().read(); // the request's first byte, then drop the connection
        } catch (Exception closed) {
          return;
        }
      }
    }, "dropping-host");
    dropper.setDaemon(true);
    dropper.start();
    IsoChannel channel = channel(server.getLocalPort(), spec, Framing.binaryLength(),
        ChannelSession.none(), s -> s.withReconnect(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    AtomicInteger trace = new AtomicInteger(1);
    Runnable[] sendAgainWhenDone = new Runnable[1];
    sendAgainWhenDone[0] = () -> {
      if (trace.get() < 200) {
        channel.send(request(spec, "0100", trace.getAndIncrement()), in(Duration.ofSeconds(10)))
            .whenComplete((result, error) -> sendAgainWhenDone[0].run());
      }
    };
    sendAgainWhenDone[0].run();

    Long first = acceptedAt.poll(10, TimeUnit.SECONDS);
    Long second = acceptedAt.poll(10, TimeUnit.SECONDS);

    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(Duration.ofNanos(second - first)).isGreaterThan(Duration.ofMillis(900));
  }

  /**
   * The thread factory fails once, for the retry after the first refused connection: the link
   * counts it a failed attempt and tries again after the backoff, and connects once the host is
   * up. Before, the link stayed "connecting" for good and never connected again.
   */
  @Test
  void aThreadThatCannotBeHadForAnAttemptIsRetried() throws Exception {
    int port = unusedPort(); // nothing listens there until the host starts below
    AtomicInteger asked = new AtomicInteger();
    CountDownLatch refusedThread = new CountDownLatch(1);
    ChannelRuntime runtime = new ChannelRuntime(Clock.systemUTC(), scheduler, task -> {
      if (asked.incrementAndGet() == 2) {
        refusedThread.countDown();
        throw new IllegalStateException("test: no thread this once");
      }
      Thread thread = new Thread(task, "test-io");
      thread.setDaemon(true);
      return thread;
    }, new Random(1));
    IsoChannel channel = channel(port, spec, Framing.binaryLength(), ChannelSession.none(),
        s -> s.withReconnect(Duration.ofMillis(20), Duration.ofMillis(40)), runtime);
    channel.start();
    assertThat(refusedThread.await(10, TimeUnit.SECONDS)).isTrue();

    closeLater(LoopbackHost.start(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()),
        spec, Framing.binaryLength(), LoopbackHost.approvingAll()));

    assertThat(channel.whenReady(in(Duration.ofSeconds(10))).get()).isTrue();
  }

  /** A request still waiting for a connection when the channel closes was never written. */
  @Test
  void aRequestWaitingForAConnectionAtCloseEndsNotSent() throws Exception {
    int port = unusedPort(); // nothing listens: the request waits for a connection
    IsoChannel channel = channel(port, spec, Framing.binaryLength(), ChannelSession.none(),
        s -> s.withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    CompletableFuture<ChannelResult> waiting =
        channel.send(request(spec, "0100", 3), in(Duration.ofSeconds(30)));

    channel.close();

    ChannelResult result = await(waiting);
    assertThat(result.detail()).startsWith("not sent");
  }

  /**
   * A connection that carried answers and then dropped is a working link hit once: the next
   * connection goes at once, not after the backoff (2 s here); only failing ones back off.
   */
  @Test
  void aConnectionThatWorkedReconnectsAtOnce() throws Exception {
    LoopbackHost host = closeLater(
        LoopbackHost.start(spec, Framing.binaryLength(), LoopbackHost.approvingAll()));
    IsoChannel channel = channel(host.port(), spec, Framing.binaryLength(), ChannelSession.none(),
        s -> s.withReconnect(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    assertThat(await(channel.send(request(spec, "0100", 1), in(Duration.ofSeconds(10))))
        .detail()).doesNotContain("not sent");
    host.next();

    long dropped = System.nanoTime();
    host.dropConnections();
    long deadline = dropped + Duration.ofSeconds(10).toNanos();
    while (host.connectionsAccepted() < 2 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(1).toNanos()); // until the host sees the next one
    }

    assertThat(host.connectionsAccepted()).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isLessThan(Duration.ofMillis(900));
  }
}
