package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * What the channel tests share: a runtime on the system clock with its own scheduler, channels that
 * are closed after each test, and request messages.
 */
abstract class ChannelTestSupport {
  static final String TERMINAL = "TERM0001";
  static final String MERCHANT = "898310048990001";

  final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "test-channel-timer");
            thread.setDaemon(true);
            return thread;
          });
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    scheduler.shutdownNow();
  }

  /** A loopback port nothing listens on (it was free a moment ago): connections are refused. */
  static int unusedPort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  <T extends AutoCloseable> T closeLater(T closeable) {
    closeables.add(0, closeable);
    return closeable;
  }

  ChannelRuntime runtime() {
    return new ChannelRuntime(
        Clock.systemUTC(),
        scheduler,
        task -> {
          Thread thread = new Thread(task, "test-channel-io");
          thread.setDaemon(true);
          return thread;
        },
        new Random(42));
  }

  IsoChannel channel(LoopbackHost host, IsoSpec spec, Framing framing) {
    return channel(host.port(), spec, framing, ChannelSession.none(), settings -> settings);
  }

  IsoChannel channel(
      int port,
      IsoSpec spec,
      Framing framing,
      ChannelSession session,
      UnaryOperator<ChannelSettings> tweak) {
    return channel(port, spec, framing, session, tweak, runtime());
  }

  /** A channel as above that runs on {@code runtime} (its own scheduler, say). */
  IsoChannel channel(
      int port,
      IsoSpec spec,
      Framing framing,
      ChannelSession session,
      UnaryOperator<ChannelSettings> tweak,
      ChannelRuntime runtime) {
    ChannelSettings settings =
        tweak.apply(
            ChannelSettings.of("127.0.0.1", port, framing)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200)));
    return closeLater(
        new IsoChannel(settings, io.escrowkit.iso8583.IsoCodec.of(spec), session, runtime));
  }

  /** An authorization request 0100 (or {@code mti}) with {@code trace}, amount trace * 100. */
  static IsoMessage request(IsoSpec spec, String mti, long trace) {
    IsoMessage.Builder b = IsoMessage.builder(spec).mti(mti);
    if (spec.hasTpdu()) {
      b.tpdu(new byte[] {0x60, 0x00, 0x12, 0x00, 0x34});
    }
    if (spec.headerLength() == 6) {
      b.header(new byte[] {0x60, 0x31, 0x00, 0x31, 0x00, 0x00});
    }
    return b.set(3, "030000")
        .set(4, trace * 100)
        .set(11, String.format("%06d", trace))
        .set(41, TERMINAL)
        .set(42, MERCHANT)
        .build();
  }

  static Instant in(Duration duration) {
    return Instant.now().plus(duration);
  }

  static Instant soon() {
    return in(Duration.ofSeconds(10));
  }

  /** Connects {@code channel} (signing on, if it does) and waits until it is ready. */
  static void connected(IsoChannel channel) throws Exception {
    if (!channel.whenReady(soon()).get(20, TimeUnit.SECONDS)) {
      throw new AssertionError("channel not ready within its deadline");
    }
  }

  /** Waits for a result that must come (the channel's deadlines bound every wait). */
  static ChannelResult await(CompletableFuture<ChannelResult> future) throws Exception {
    return future.get(20, TimeUnit.SECONDS);
  }
}
