package io.escrowkit.iso8583.channel;

import io.escrowkit.device.DeviceException;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.spi.UnknownReason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multiplexed ISO 8583 client over one TCP (or TLS) connection: many requests in flight, each
 * answer routed to its request by terminal id, trace and message class ({@link AnswerRouter});
 * every request ends by its deadline, with the answer or with an unknown outcome (timeout, lost
 * connection, undecodable answer), never with a decline of its own making.
 *
 * <p>The channel connects when started, signs on if the {@link ChannelSession} asks, reconnects
 * after a failure with capped exponential backoff and jitter ({@link Link}), sends echo tests while
 * the host is silent, and on {@link #close()} ends every request in flight as unknown (connection
 * lost). Requests sent while no connection is up wait for one until their deadline. An advice sent
 * with {@link #sendRepeating} is repeated until answered, across reconnections. A request sent
 * with {@link #send(Outgoing, Supplier, Duration, Instant)} is built again when it goes out only
 * after a newer sign-on than it was built for.
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
  private final Link link;
  private final HostRequests hostRequests;
  private final DeadlineWatch deadlines;
  private final SchedulerOffload offScheduler;
  private final Object echoLock = new Object();
  private final AtomicBoolean echoing = new AtomicBoolean();
  /** An echo check waits for the offload thread (see {@link SchedulerOffload}). */
  private final AtomicBoolean echoWaiting = new AtomicBoolean();
  private ScheduledFuture<?> echoTask;
  private ScheduledFuture<?> writeWatchTask;

  public IsoChannel(
      ChannelSettings settings, IsoCodec codec, ChannelSession session, ChannelRuntime runtime) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.session = Objects.requireNonNull(session, "session");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.mux = new Multiplexer(settings.rememberedAnswers());
    this.hostRequests = new HostRequests(codec, settings.framing().prefix(), runtime.threads(),
        connection ->
            dropBroken(connection, "an answer to the host's request could not be written"));
    this.offScheduler = new SchedulerOffload(runtime.threads());
    this.link =
        new Link(this, settings, runtime, session, mux, new AnswerRouter(codec, mux, hostRequests));
    this.deadlines = new DeadlineWatch(runtime, mux, this::expire);
  }

  /** Starts connecting (in the background), the echo and the write watchdog; idempotent. */
  public void start() {
    if (!link.start()) {
      return;
    }
    long interval = settings.echoInterval().toMillis();
    long watchEvery = Math.max(1, settings.writeTimeout().toMillis() / 4);
    synchronized (echoLock) {
      if (link.isClosed()) {
        return; // closed meanwhile: its close() found no timers to cancel, so none are set
      }
      if (interval > 0) {
        long period = Math.max(1, interval / 2);
        echoTask = runtime.scheduler().scheduleWithFixedDelay(
            () -> offScheduler.runUnlessWaiting(echoWaiting, this::echoIfHostSilent),
            period, period, TimeUnit.MILLISECONDS);
      }
      writeWatchTask = runtime.scheduler().scheduleWithFixedDelay(
          this::dropStalledWrites, watchEvery, watchEvery, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Signs on again over the connection carrying requests once the requests in flight on it have
   * ended; meanwhile new requests wait, and they are signed again for the new session before they
   * go. For a host that answers 77 or A0 when its keys or batch and the terminal's are out of
   * step. False, doing nothing, if no connection is ready or one is signing on already.
   *
   * @param why for the log
   */
  public boolean signOnAgain(String why) {
    return signOnAgain(why, sessionNumber(), () -> CompletableFuture.completedFuture(null));
  }

  /**
   * As {@link #signOnAgain(String)}, only if the connection ready is still the one of {@code
   * session} (a request's {@link Outgoing#sessionNumber()}: no sign-on since), and the sign-on
   * also waiting for what {@code alsoAwait} gives once the requests in flight have ended: a
   * transport that checks answers' MACs after the channel delivered them has them checked under
   * the keys they were sent with before the sign-on replaces those. The wait ends at the latest
   * deadline of those requests plus the sign-on timeout.
   */
  public boolean signOnAgain(String why, long session, Supplier<CompletableFuture<?>> alsoAwait) {
    Objects.requireNonNull(alsoAwait, "alsoAwait");
    return link.signOnAgain(why, session, alsoAwait);
  }

  /** Whether a connection is up and signed on. */
  public boolean isReady() {
    return link.ready().isPresent();
  }

  /**
   * Completes with true once a connection is up and signed on (at once if one is), with false if
   * none is by {@code deadline} or the channel closes. Starts the channel.
   */
  public CompletableFuture<Boolean> whenReady(Instant deadline) {
    start();
    return link.whenReady(deadline);
  }

  /** How many requests are in flight. */
  public int inFlight() {
    return mux.size();
  }

  /**
   * Sends {@code request} (which must carry fields 11 and 41) and completes with its answer or, by
   * {@code deadline}, with why there is none. Starts the channel if needed.
   *
   * @throws IllegalArgumentException if the message cannot be matched (no field 11 or 41)
   */
  public CompletableFuture<ChannelResult> send(IsoMessage request, Instant deadline) {
    start();
    return submit(exchangeOf(fixed(request, Optional.empty()), Optional.empty(), Duration.ZERO,
        deadline), null);
  }

  /**
   * The number of the session a request built now is built for, to read before building it into
   * {@link Outgoing#sessionNumber()}. It counts the connections that became ready (signed on, if
   * the channel signs on): 0 before the first, then 1, 2, ...; it never goes down. A sign-on
   * records what it sets up ({@link ChannelSession#signedOn}: a batch number, keys) before its
   * connection takes the next number, so a request built after reading the number has at least
   * that session's keys; one built for an older number is built again before it goes out.
   */
  public long sessionNumber() {
    return link.sessionNumber();
  }

  /**
   * Sends a request built for a sign-on session, as {@link #send(IsoMessage, Instant)}, or for an
   * advice ({@code built} has a repeat) as {@link #sendRepeating}. Whenever it is about to go out
   * on a connection of a newer session than it was built for (it waited for a reconnect, or an
   * advice is repeated on the next connection), {@code rebuild} builds it again for that session
   * ({@code IsoTransport} signs it again with the MAC key the sign-on loaded, which the host
   * checks now). It must stay the same request (trace, terminal, message type). If rebuilding
   * fails, the request ends as unknown, as one that could not be built.
   *
   * @param repeatEvery how often an advice is repeated while unanswered; ignored without a repeat
   * @throws IllegalArgumentException if the message cannot be matched (no field 11 or 41), the
   *     repeat is not the same request's, or an advice's interval is not positive
   */
  public CompletableFuture<ChannelResult> send(
      Outgoing built, Supplier<Outgoing> rebuild, Duration repeatEvery, Instant deadline) {
    Objects.requireNonNull(built, "built");
    Objects.requireNonNull(rebuild, "rebuild");
    Objects.requireNonNull(repeatEvery, "repeatEvery");
    Objects.requireNonNull(deadline, "deadline");
    Duration every = Duration.ZERO;
    if (built.repeat().isPresent()) {
      checkRepeat(built.request(), built.repeat().get(), repeatEvery);
      every = repeatEvery;
    }
    start();
    return submit(exchangeOf(built, Optional.of(rebuild), every, deadline), null);
  }

  /**
   * Sends an advice and, while it is unanswered, {@code repeat} (e.g. 0221 for 0220) every {@code
   * every}, also on a new connection after the old one broke, until answered or {@code deadline}.
   */
  public CompletableFuture<ChannelResult> sendRepeating(
      IsoMessage request, IsoMessage repeat, Duration every, Instant deadline) {
    checkRepeat(request, repeat, every);
    start();
    return submit(exchangeOf(fixed(request, Optional.of(repeat)), Optional.empty(), every,
        deadline), null);
  }

  private static void checkRepeat(IsoMessage request, IsoMessage repeat, Duration every) {
    if (!MatchKey.ofRequest(request).equals(MatchKey.ofRequest(repeat))) {
      throw new IllegalArgumentException("the repeat must carry the request's trace and terminal");
    }
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("repeat interval must be positive, got " + every);
    }
  }

  /** A request that is never rebuilt: the session it is stamped with does not matter. */
  private static Outgoing fixed(IsoMessage request, Optional<IsoMessage> repeat) {
    return new Outgoing(request, repeat, 0);
  }

  /**
   * Sends on {@code connection} itself, whether or not it is ready yet or still: the sign-on, and
   * the echo test of a connection found silent.
   */
  CompletableFuture<ChannelResult> sendOn(
      Connection connection, IsoMessage request, Instant deadline) {
    return submit(exchangeOf(fixed(request, Optional.empty()), Optional.empty(), Duration.ZERO,
        deadline), connection);
  }

  private Exchange exchangeOf(Outgoing built, Optional<Supplier<Outgoing>> rebuild,
      Duration every, Instant deadline) {
    IsoMessage request = built.request();
    return new Exchange(MatchKey.ofRequest(request), request.mti(), request.tpdu(),
        encode(built), rebuild, every, deadline.toEpochMilli());
  }

  private Exchange.Frames encode(Outgoing built) {
    LengthPrefix prefix = settings.framing().prefix();
    return new Exchange.Frames(codec.encode(built.request(), prefix),
        built.repeat().map(message -> codec.encode(message, prefix)), built.sessionNumber());
  }

  /**
   * Registers, watches the deadline (and arms the repeat), then writes on {@code via}, on the ready
   * connection, or queues.
   */
  private CompletableFuture<ChannelResult> submit(Exchange exchange, Connection via) {
    if (!mux.register(exchange)) {
      exchange.complete(
          ChannelResult.failure(
              UnknownReason.TIMEOUT,
              "not sent: a request with " + exchange.key + " is already in flight"));
      return exchange.future;
    }
    try {
      deadlines.watch(exchange);
      if (exchange.isRepeatable()) {
        long every = exchange.repeatInterval.toMillis();
        exchange.repeatTimer =
            runtime
                .scheduler()
                .scheduleWithFixedDelay(
                    () -> offScheduler.runUnlessWaiting(
                        exchange.repeatWaiting, () -> repeat(exchange)),
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
        if (exchange.isDone()) {
          exchange.cancelTimers(); // it ended (deadline) before the timer was set: stop it too
        }
      }
    } catch (RejectedExecutionException shutDown) {
      fail(exchange, UnknownReason.CONNECTION_LOST, "scheduler shut down; not sent");
      return exchange.future;
    }
    Optional<Connection> target = via != null ? Optional.of(via) : link.route(exchange);
    if (link.isClosed()) {
      link.unqueue(exchange);
      fail(exchange, UnknownReason.CONNECTION_LOST, "channel closed; not sent");
    } else if (target.isPresent()) {
      write(target.get(), exchange, false);
    }
    return exchange.future;
  }

  /**
   * Writes {@code exchange}'s request, or its repeat, built for {@code connection}'s session; a
   * broken connection ends it (advices wait instead).
   */
  void write(Connection connection, Exchange exchange, boolean repeat) {
    Exchange.Frames frames;
    try {
      frames = exchange.framesFor(connection.sessionNumber(), this::encode);
    } catch (DeviceException moduleFailed) {
      // The secure module could not sign it again: the terminal's fault (reversal reason 96).
      // Its message is left out: a driver may have filled it with what it was given.
      log.error("{} could not be signed again for the sign-on of connection {} ({}, {}); not"
          + " sent there", exchange, connection, moduleFailed.component(), moduleFailed.failure());
      fail(exchange, UnknownReason.TERMINAL_FAILURE, "not sent on the new connection: the"
          + " secure module could not sign it again (" + moduleFailed.failure() + ")");
      return;
    } catch (RuntimeException unbuildable) {
      log.error("{} could not be built again for the sign-on of connection {}; not sent there",
          exchange, connection, unbuildable);
      fail(exchange, UnknownReason.MALFORMED_RESPONSE,
          "not sent on the new connection: could not be built again for its sign-on: "
              + unbuildable.getMessage());
      return;
    }
    byte[] frame = repeat ? frames.repeat().get() : frames.first();
    exchange.writtenOn = connection;
    try {
      connection.write(frame);
      log.debug("sent {} on connection {}", exchange, connection);
    } catch (IOException | RuntimeException broken) {
      // A runtime failure of the stream (a TLS engine's, say) breaks the connection the same way:
      // frames another sender left to this write are lost with it and end with the connection.
      log.warn("sending {} on connection {} failed: {}", exchange, connection, broken.toString());
      String detail = connection.closedHere() // dropped here (the watchdog, say), which says why
          ? "connection dropped while sending: " + connection.closedBecause()
          : "connection broke while sending: " + broken.getMessage();
      dropBroken(connection, "a write failed: " + broken);
      if (exchange.isRepeatable()) {
        exchange.writtenOn = null;
      } else {
        fail(exchange, UnknownReason.CONNECTION_LOST, detail);
      }
    }
  }

  /** Takes a connection a write failed on out of use and closes it; the link reconnects. */
  private void dropBroken(Connection connection, String why) {
    link.unready(connection);
    connection.close(why);
  }

  /**
   * The write watchdog, on the scheduler: drops a connection whose write has been blocked for the
   * write timeout, the host having stopped reading (its receive window shut). A socket write has
   * no timeout of its own; without this, the blocked writer (a sender, or the reader flushing
   * requests that waited for the sign-on) would wait for as long as the host keeps the line up.
   * Dropping it fails that write and ends the connection's requests in doubt; the link reconnects.
   */
  private void dropStalledWrites() {
    try {
      long limit = settings.writeTimeout().toMillis();
      for (Connection connection : link.openConnections()) {
        long stalled = connection.writeStalledMillis();
        if (stalled >= limit) {
          String why = "a write blocked for " + stalled + " ms (the host is not reading)";
          log.warn("connection {}: {}; dropping it", connection, why);
          dropBroken(connection, why);
        }
      }
    } catch (RuntimeException bug) {
      // thrown out of a periodic task, it would cancel the watchdog for good, silently
      log.error(
          "checking the connections to {} for blocked writes failed", settings.address(), bug);
    }
  }

  private void repeat(Exchange exchange) {
    Optional<Connection> target = link.readyFor(exchange);
    if (target.isPresent() && !exchange.isDone()) {
      log.info("no answer to {} yet; repeating it", exchange);
      write(target.get(), exchange, true);
    }
  }

  private void expire(Exchange exchange) {
    Connection writtenOn = exchange.writtenOn;
    boolean unsent = link.unqueue(exchange) && writtenOn == null;
    String detail =
        unsent
            ? "not sent: no connection to " + settings.address() + " before the deadline"
            : "no answer before the deadline";
    if (mux.finish(
        exchange, ChannelResult.failure(UnknownReason.TIMEOUT, detail), Multiplexer.Fate.EXPIRED)) {
      log.warn("{} ended in doubt: {}", exchange, detail);
      if (writtenOn != null && writtenOn.unanswered() >= Link.UNANSWERED_IN_A_ROW) {
        log.warn("connection {}: {} requests in a row unanswered and nothing read; dropping it",
            writtenOn, Link.UNANSWERED_IN_A_ROW);
        // its reader ends it: in-flight requests in doubt, then a reconnect
        writtenOn.close(Link.UNANSWERED_IN_A_ROW + " requests in a row unanswered, nothing read");
      }
    }
  }

  private void fail(Exchange exchange, UnknownReason reason, String detail) {
    mux.finish(exchange, ChannelResult.failure(reason, detail), Multiplexer.Fate.FAILED);
  }

  private void echoIfHostSilent() {
    Optional<Connection> connection = link.ready();
    long now = runtime.clock().millis();
    if (!connection.isPresent()
        || now - link.lastHeardMillis() < settings.echoInterval().toMillis()
        || !echoing.compareAndSet(false, true)) {
      return;
    }
    try {
      Optional<IsoMessage> echo = session.echo();
      if (!echo.isPresent()) {
        echoing.set(false);
        return;
      }
      // on the silent connection itself, not whichever is ready by the time it is written
      sendOn(connection.get(), echo.get(), runtime.clock().instant().plus(settings.echoTimeout()))
          .thenAccept(
              result -> {
                try {
                  if (!result.isAnswer()) {
                    log.warn(
                        "echo test over connection {} unanswered ({}); dropping it",
                        connection.get(),
                        result.detail());
                    // out of use before the next echo may start, which must not go out on it
                    dropBroken(connection.get(), "echo test unanswered: " + result.detail());
                  }
                } finally {
                  echoing.set(false);
                }
              });
    } catch (RuntimeException failed) {
      echoing.set(false);
      log.error("echo test to {} could not be sent", settings.address(), failed);
    }
  }

  /**
   * Stops the channel: every request in flight or waiting ends as unknown (connection lost), the
   * connection closes, nothing reconnects. Idempotent.
   */
  @Override
  public void close() {
    List<Exchange> unsent = link.close();
    hostRequests.close();
    offScheduler.close();
    deadlines.stop();
    synchronized (echoLock) {
      if (echoTask != null) {
        echoTask.cancel(false);
      }
      if (writeWatchTask != null) {
        writeWatchTask.cancel(false);
      }
    }
    for (Exchange exchange : unsent) {
      mux.finish(exchange, ChannelResult.failure(UnknownReason.CONNECTION_LOST,
          "not sent: the channel closed before a connection took it"), Multiplexer.Fate.FAILED);
    }
    int inDoubt = 0;
    for (Exchange exchange : mux.all()) {
      if (mux.finish(
          exchange,
          ChannelResult.failure(UnknownReason.CONNECTION_LOST, "channel closed before the answer"),
          Multiplexer.Fate.FAILED)) {
        inDoubt++;
      }
    }
    log.info(
        "channel to {} closed; {} requests in flight ended in doubt", settings.address(), inDoubt);
  }
}
