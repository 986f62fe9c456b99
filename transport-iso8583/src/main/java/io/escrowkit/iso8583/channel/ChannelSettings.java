package io.escrowkit.iso8583.channel;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the channel connects, and how it keeps the connection. Immutable and threadsafe.
 *
 * @param host the acquirer host's name or address
 * @param port its TCP port
 * @param framing the length prefix and maximum message size
 * @param tls TLS settings, or empty for plain TCP
 * @param connectTimeout how long a connection attempt (TLS handshake included) may take
 * @param reconnectBase the first wait before reconnecting; doubled on each failure in a row
 * @param reconnectMax the longest wait before reconnecting
 * @param echoInterval how long the host may stay silent (no message read from it, however much
 *     is written to it) before an echo test is sent; zero for none
 * @param echoTimeout how long an echo test waits for its answer before the connection is dropped
 * @param signOnTimeout how long the sign-on on a new connection waits for its answer
 * @param writeTimeout how long one write to the socket may stay blocked before the host is taken
 *     to have stopped reading and the connection is dropped (its requests end in doubt); at most a
 *     day. A write call carries at most 4 KB: on a line slower than that per timeout, choose it
 *     longer
 * @param rememberedAnswers how many recently finished requests are remembered, to tell a late or
 *     duplicate answer from an unknown one in the logs
 */
public record ChannelSettings(
    String host,
    int port,
    Framing framing,
    Optional<TlsSettings> tls,
    Duration connectTimeout,
    Duration reconnectBase,
    Duration reconnectMax,
    Duration echoInterval,
    Duration echoTimeout,
    Duration signOnTimeout,
    Duration writeTimeout,
    int rememberedAnswers) {

  /**
   * A write blocks only once the socket's send buffer is full: the host has not read for a while.
   * Ten seconds is long enough for a slow line to drain a full buffer.
   */
  static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);

  /** The longest write timeout taken: a day, for lines that may stall that long. */
  static final Duration MAX_WRITE_TIMEOUT = Duration.ofDays(1);

  public ChannelSettings {
    Objects.requireNonNull(host, "host");
    if (host.trim().isEmpty()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
    }
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(tls, "tls");
    positive(connectTimeout, "connectTimeout");
    positive(reconnectBase, "reconnectBase");
    positive(reconnectMax, "reconnectMax");
    if (reconnectMax.compareTo(reconnectBase) < 0) {
      throw new IllegalArgumentException(
          "reconnectMax " + reconnectMax + " is shorter than reconnectBase " + reconnectBase);
    }
    Objects.requireNonNull(echoInterval, "echoInterval");
    if (echoInterval.isNegative()) {
      throw new IllegalArgumentException("echoInterval must not be negative: " + echoInterval);
    }
    positive(echoTimeout, "echoTimeout");
    positive(signOnTimeout, "signOnTimeout");
    positive(writeTimeout, "writeTimeout");
    if (writeTimeout.compareTo(MAX_WRITE_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "writeTimeout must be at most " + MAX_WRITE_TIMEOUT + ", got " + writeTimeout);
    }
    if (rememberedAnswers < 0) {
      throw new IllegalArgumentException("rememberedAnswers must not be negative");
    }
  }

  /**
   * Plain TCP to {@code host:port} with the defaults: 10 s connect, 200 ms to 30 s backoff, no
   * echo, 30 s sign-on, 10 s write.
   */
  public static ChannelSettings of(String host, int port, Framing framing) {
    return new ChannelSettings(
        host,
        port,
        framing,
        Optional.empty(),
        Duration.ofSeconds(10),
        Duration.ofMillis(200),
        Duration.ofSeconds(30),
        Duration.ZERO,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        DEFAULT_WRITE_TIMEOUT,
        4096);
  }

  public ChannelSettings withTls(TlsSettings settings) {
    return new ChannelSettings(
        host,
        port,
        framing,
        Optional.of(settings),
        connectTimeout,
        reconnectBase,
        reconnectMax,
        echoInterval,
        echoTimeout,
        signOnTimeout,
        writeTimeout,
        rememberedAnswers);
  }

  public ChannelSettings withConnectTimeout(Duration timeout) {
    return new ChannelSettings(
        host,
        port,
        framing,
        tls,
        timeout,
        reconnectBase,
        reconnectMax,
        echoInterval,
        echoTimeout,
        signOnTimeout,
        writeTimeout,
        rememberedAnswers);
  }

  public ChannelSettings withReconnect(Duration base, Duration max) {
    return new ChannelSettings(
        host,
        port,
        framing,
        tls,
        connectTimeout,
        base,
        max,
        echoInterval,
        echoTimeout,
        signOnTimeout,
        writeTimeout,
        rememberedAnswers);
  }

  public ChannelSettings withEcho(Duration interval, Duration timeout) {
    return new ChannelSettings(
        host,
        port,
        framing,
        tls,
        connectTimeout,
        reconnectBase,
        reconnectMax,
        interval,
        timeout,
        signOnTimeout,
        writeTimeout,
        rememberedAnswers);
  }

  public ChannelSettings withSignOnTimeout(Duration timeout) {
    return new ChannelSettings(
        host,
        port,
        framing,
        tls,
        connectTimeout,
        reconnectBase,
        reconnectMax,
        echoInterval,
        echoTimeout,
        timeout,
        writeTimeout,
        rememberedAnswers);
  }

  public ChannelSettings withWriteTimeout(Duration timeout) {
    return new ChannelSettings(
        host,
        port,
        framing,
        tls,
        connectTimeout,
        reconnectBase,
        reconnectMax,
        echoInterval,
        echoTimeout,
        signOnTimeout,
        timeout,
        rememberedAnswers);
  }

  /** {@code host:port}, for names and logs. */
  public String address() {
    return host + ":" + port;
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
