package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.spi.UnknownReason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multiplexed ISO 8583 client over one TCP (or TLS) connection: many requests in flight, each
 * answer routed to its request by terminal id, trace and message class ({@link AnswerRouter});
 * every request ends by its deadline, with the answer or with an unknown outcome (timeout, lost
 * connection, undecodable answer), never with a decline of its own making.
 *
 * <p>The channel connects when started, signs on if the {@link ChannelSession} asks, reconnects
 * after a failure with capped exponential backoff and jitter, sends echo tests while idle, and on
 * {@link #close()} ends every request in flight as unknown (connection lost). Requests sent while
 * no connection is up wait for one until their deadline. An advice sent with {@link
 * #sendRepeating} is repeated until answered, across reconnections.
 *
 * <p>This class is threadsafe; share one instance per host connection.
 */
public final class IsoChannel implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IsoChannel.class);

  private final ChannelSettings settings;
  private final IsoCodec codec;
  private final ChannelSession session;
  private final ChannelRuntime runtime;
  private final Multiplexer mux;
  private final AnswerRouter router;
  private final Connector connector;
  private final ReconnectBackoff backoff;
  private final Object lock = new Object();
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private boolean started;
  private boolean closed;
  private boolean connecting;
  private Connection opening;
  private Connection ready;
  private int failures;
  private ScheduledFuture<?> echoTask;
  private volatile long lastTrafficMillis;

  public IsoChannel(
      ChannelSettings settings, IsoCodec codec, ChannelSession session, ChannelRuntime runtime) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.session = Objects.requireNonNull(session, "session");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.mux = new Multiplexer(settings.rememberedAnswers());
    this.router = new AnswerRouter(codec, mux);
    this.connector = new Connector(settings);
    this.backoff = new ReconnectBackoff(
        settings.reconnectBase(), settings.reconnectMax(), runtime.random());
  }

  /** Starts connecting (in the background) and the idle echo; idempotent. */
  public void start() {
    synchronized (lock) {
      if (started || closed) {
        return;
      }
      started = true;
      long interval = settings.echoInterval().toMillis();
      if (interval > 0) {
        long period = Math.max(1, interval / 2);
        echoTask = runtime.scheduler().scheduleWithFixedDelay(
            this::echoIfIdle, period, period, TimeUnit.MILLISECONDS);
      }
    }
    connectAfter(Duration.ZERO);
  }

  /** Whether a connection is up and signed on. */
  public boolean isReady() {
    synchronized (lock) {
      return ready != null;
    }
  }

  /** How many requests are in flight. */
  public int inFlight() {
    return mux.size();
  }

  /**
   * Sends {@code request} (which must carry fields 11 and 41) and completes with its answer or,
   * by {@code deadline}, with why there is none. Starts the channel if needed.
   *
   * @throws IllegalArgumentException if the message cannot be matched (no field 11 or 41)
   */
  public CompletableFuture<ChannelResult> send(IsoMessage request, Instant deadline) {
    return submit(exchangeOf(request, Optional.empty(), Duration.ZERO), deadline, null);
  }

  /**
   * Sends an advice and, while it is unanswered, {@code repeat} (e.g. 0221 for 0220) every {@code
   * every}, also on a new connection after the old one broke, until answered or {@code deadline}.
   */
  public CompletableFuture<ChannelResult> sendRepeating(
      IsoMessage request, IsoMessage repeat, Duration every, Instant deadline) {
    if (!MatchKey.ofRequest(request).equals(MatchKey.ofRequest(repeat))) {
      throw new IllegalArgumentException("the repeat must carry the request's trace and terminal");
    }
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("repeat interval must be positive, got " + every);
    }
    return submit(exchangeOf(request, Optional.of(repeat), every), deadline, null);
  }

  private Exchange exchangeOf(IsoMessage request, Optional<IsoMessage> repeat, Duration every) {
    MatchKey key = MatchKey.ofRequest(request);
    byte[] frame = codec.encode(request, settings.framing().prefix());
    Optional<byte[]> repeatFrame =
        repeat.map(message -> codec.encode(message, settings.framing().prefix()));
    return new Exchange(key, request.mti(), request.tpdu(), frame, repeatFrame, every);
  }

  /** Registers, arms the deadline, then writes on {@code via}, on the ready connection, or queues. */
  private CompletableFuture<ChannelResult> submit(
      Exchange exchange, Instant deadline, Connection via) {
    if (via == null) {
      start();
    }
    if (!mux.register(exchange)) {
      exchange.complete(ChannelResult.failure(UnknownReason.TIMEOUT,
          "not sent: a request with " + exchange.key + " is already in flight"));
      return exchange.future;
    }
    Connection target;
    boolean isClosed;
    synchronized (lock) {
      isClosed = closed;
      target = via != null ? via : ready;
      if (!isClosed && target == null) {
        waiting.add(exchange);
      }
    }
    if (isClosed) {
      fail(exchange, UnknownReason.CONNECTION_LOST, "channel closed; not sent");
      return exchange.future;
    }
    long delay = Duration.between(runtime.clock().instant(), deadline).toMillis();
    try {
      exchange.deadlineTimer = runtime.scheduler().schedule(
          () -> expire(exchange), Math.max(0, delay), TimeUnit.MILLISECONDS);
      if (exchange.isRepeatable()) {
        long every = exchange.repeatInterval.toMillis();
        exchange.repeatTimer = runtime.scheduler().scheduleWithFixedDelay(
            () -> repeat(exchange), every, every, TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException shutDown) {
      unqueue(exchange);
      fail(exchange, UnknownReason.CONNECTION_LOST, "scheduler shut down; not sent");
      return exchange.future;
    }
    if (exchange.isDone()) {
      exchange.cancelTimers();
    }
    if (target != null) {
      write(target, exchange, exchange.frame);
    } else {
      connectAfter(Duration.ZERO);
    }
    return exchange.future;
  }

  private void write(Connection connection, Exchange exchange, byte[] frame) {
    exchange.writtenOn = connection;
    try {
      connection.write(frame);
      lastTrafficMillis = runtime.clock().millis();
      log.debug("sent {} on connection {}", exchange, connection);
    } catch (IOException broken) {
      log.warn("sending {} on connection {} failed: {}", exchange, connection, broken.toString());
      connection.close();
      if (exchange.isRepeatable()) {
        exchange.writtenOn = null;
      } else {
        fail(exchange, UnknownReason.CONNECTION_LOST,
            "connection broke while sending: " + broken.getMessage());
      }
    }
  }

  private void repeat(Exchange exchange) {
    Connection target;
    synchronized (lock) {
      target = waiting.contains(exchange) ? null : ready;
    }
    if (target != null && !exchange.isDone()) {
      log.info("no answer to {} yet; repeating it", exchange);
      write(target, exchange, exchange.repeatFrame.get());
    }
  }

  private void expire(Exchange exchange) {
    boolean unsent = unqueue(exchange) && exchange.writtenOn == null;
    String detail = unsent
        ? "not sent: no connection to " + settings.address() + " before the deadline"
        : "no answer before the deadline";
    if (mux.finish(exchange, ChannelResult.failure(UnknownReason.TIMEOUT, detail),
        Multiplexer.Fate.EXPIRED)) {
      log.warn("{} ended in doubt: {}", exchange, detail);
    }
  }

  private boolean unqueue(Exchange exchange) {
    synchronized (lock) {
      return waiting.remove(exchange);
    }
  }

  private void fail(Exchange exchange, UnknownReason reason, String detail) {
    mux.finish(exchange, ChannelResult.failure(reason, detail), Multiplexer.Fate.FAILED);
  }

  // ------------------------------------------------------------------ connection lifecycle

  private void connectAfter(Duration wait) {
    synchronized (lock) {
      if (closed || !started || connecting || opening != null || ready != null) {
        return;
      }
      connecting = true;
    }
    try {
      if (wait.isZero()) {
        runtime.threads().newThread(this::connectAndRead).start();
      } else {
        runtime.scheduler().schedule(() -> runtime.threads().newThread(this::connectAndRead)
            .start(), wait.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException shutDown) {
      log.warn("cannot reconnect to {}: the scheduler is shut down", settings.address());
      synchronized (lock) {
        connecting = false;
      }
    }
  }

  private void connectAndRead() {
    Connection connection;
    try {
      connection = new Connection(connector.open(), settings.address(), settings.framing());
    } catch (IOException | RuntimeException failed) {
      int attempt;
      synchronized (lock) {
        connecting = false;
        attempt = ++failures;
      }
      Duration wait = backoff.delay(attempt);
      log.warn("connecting to {} failed (attempt {}): {}; next attempt in {} ms",
          settings.address(), attempt, failed.toString(), wait.toMillis());
      connectAfter(wait);
      return;
    }
    synchronized (lock) {
      connecting = false;
      if (closed) {
        connection.close();
        return;
      }
      opening = connection;
    }
    log.info("connected to {} (connection {})", settings.address(), connection);
    signOn(connection);
    read(connection);
  }

  private void signOn(Connection connection) {
    Optional<IsoMessage> signOn;
    try {
      signOn = session.signOn();
    } catch (RuntimeException failed) {
      log.error("could not build the sign-on; dropping connection {}", connection, failed);
      connection.close();
      return;
    }
    if (!signOn.isPresent()) {
      markReady(connection);
      return;
    }
    Instant deadline = runtime.clock().instant().plus(settings.signOnTimeout());
    submit(exchangeOf(signOn.get(), Optional.empty(), Duration.ZERO), deadline, connection)
        .thenAccept(result -> afterSignOn(connection, result));
  }

  private void afterSignOn(Connection connection, ChannelResult result) {
    boolean accepted = false;
    try {
      accepted = result.isAnswer() && session.signedOn(result.message().get());
    } catch (RuntimeException unreadable) {
      log.error("the sign-on answer on connection {} could not be read", connection, unreadable);
    }
    if (accepted) {
      log.info("signed on over connection {}", connection);
      markReady(connection);
    } else {
      log.warn("sign-on over connection {} refused or unanswered ({}); dropping it", connection,
          result.detail());
      connection.close();
    }
  }

  private void markReady(Connection connection) {
    List<Exchange> flush;
    synchronized (lock) {
      if (closed || opening != connection) {
        return;
      }
      opening = null;
      ready = connection;
      flush = new ArrayList<>(waiting);
      waiting.clear();
    }
    for (Exchange exchange : flush) {
      if (!exchange.isDone()) {
        write(connection, exchange, exchange.frame);
      }
    }
  }

  private void read(Connection connection) {
    UnknownReason reason = UnknownReason.CONNECTION_LOST;
    String detail;
    try {
      while (true) {
        byte[] frame = connection.read();
        if (frame == null) {
          detail = "host closed the connection";
          break;
        }
        lastTrafficMillis = runtime.clock().millis();
        if (frame.length == 0) {
          log.debug("empty message on connection {} ignored", connection);
          continue;
        }
        AnswerRouter.Routing routing = router.route(frame, connection);
        if (routing == AnswerRouter.Routing.DELIVERED) {
          synchronized (lock) {
            failures = 0;
          }
        } else if (routing == AnswerRouter.Routing.UNDECODABLE) {
          reason = UnknownReason.MALFORMED_RESPONSE;
          detail = "host sent an undecodable message; connection dropped";
          break;
        }
      }
    } catch (FramingException broken) {
      reason = UnknownReason.MALFORMED_RESPONSE;
      detail = "host broke the framing: " + broken.getMessage();
    } catch (IOException lost) {
      detail = connection.closedHere() ? "connection closed" : "connection lost: " + lost;
    } catch (RuntimeException bug) {
      log.error("reading from connection {} failed", connection, bug);
      detail = "reader failed: " + bug;
    }
    ended(connection, reason, detail);
  }

  private void ended(Connection connection, UnknownReason reason, String detail) {
    connection.close();
    boolean reconnect;
    int attempt;
    synchronized (lock) {
      if (ready == connection) {
        ready = null;
      }
      if (opening == connection) {
        opening = null;
      }
      reconnect = !closed;
      attempt = ++failures;
    }
    int inDoubt = 0;
    for (Exchange exchange : mux.writtenOn(connection)) {
      if (exchange.isRepeatable()) {
        exchange.writtenOn = null;
      } else if (mux.finish(exchange, ChannelResult.failure(reason, detail),
          Multiplexer.Fate.FAILED)) {
        inDoubt++;
      }
    }
    if (!reconnect) {
      log.info("connection {} ended: {}", connection, detail);
      return;
    }
    Duration wait = backoff.delay(attempt);
    log.warn("connection {} ended: {}; {} requests in doubt; reconnecting in {} ms", connection,
        detail, inDoubt, wait.toMillis());
    connectAfter(wait);
  }

  private void echoIfIdle() {
    try {
      Connection connection;
      synchronized (lock) {
        connection = ready;
      }
      long now = runtime.clock().millis();
      if (connection == null || now - lastTrafficMillis < settings.echoInterval().toMillis()) {
        return;
      }
      Optional<IsoMessage> echo = session.echo();
      if (!echo.isPresent()) {
        return;
      }
      lastTrafficMillis = now;
      send(echo.get(), runtime.clock().instant().plus(settings.echoTimeout()))
          .thenAccept(result -> {
            if (!result.isAnswer()) {
              log.warn("echo test over connection {} unanswered ({}); dropping it", connection,
                  result.detail());
              connection.close();
            }
          });
    } catch (RuntimeException failed) {
      log.error("echo test to {} could not be sent", settings.address(), failed);
    }
  }

  /**
   * Stops the channel: every request in flight or waiting ends as unknown (connection lost), the
   * connection closes, nothing reconnects. Idempotent.
   */
  @Override
  public void close() {
    List<Connection> connections = new ArrayList<>();
    ScheduledFuture<?> echo;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (ready != null) {
        connections.add(ready);
      }
      if (opening != null) {
        connections.add(opening);
      }
      ready = null;
      opening = null;
      waiting.clear();
      echo = echoTask;
    }
    if (echo != null) {
      echo.cancel(false);
    }
    int inDoubt = 0;
    for (Exchange exchange : mux.all()) {
      if (mux.finish(exchange, ChannelResult.failure(UnknownReason.CONNECTION_LOST,
          "channel closed before the answer"), Multiplexer.Fate.FAILED)) {
        inDoubt++;
      }
    }
    for (Connection connection : connections) {
      connection.close();
    }
    log.info("channel to {} closed; {} requests in flight ended in doubt", settings.address(),
        inDoubt);
  }
}
