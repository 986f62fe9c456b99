package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.spi.UnknownReason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection behind an {@link IsoChannel}: connects on a thread of its own and reads there,
 * signs on, holds requests that wait for a connection, and after a failure reconnects with capped
 * exponential backoff and jitter (a delivered answer resets the backoff). When a connection ends,
 * the requests written on it end as unknown, except advices, which wait to be repeated. Threadsafe.
 */
final class Link {
  private static final Logger log = LoggerFactory.getLogger(Link.class);

  /**
   * Undecodable messages in a row after which the stream is taken to be out of step and the
   * connection is dropped. One alone is dropped and the connection kept: its length prefix was
   * sound, so the next message starts where it should, and the request it answered (which cannot be
   * told) ends in doubt at its deadline instead of every request on the connection.
   */
  static final int UNDECODABLE_IN_A_ROW = 3;

  /**
   * Requests in a row that reach their deadline on a connection from which nothing at all was read
   * meanwhile, after which the connection is taken for dead and dropped: a host process that hung,
   * or a load balancer that keeps the line up in front of a dead host, would otherwise keep it open
   * forever while every request times out. Any message read starts the count over.
   */
  static final int UNANSWERED_IN_A_ROW = 3;

  private final IsoChannel channel;
  private final ChannelSettings settings;
  private final ChannelRuntime runtime;
  private final ChannelSession session;
  private final Multiplexer mux;
  private final AnswerRouter router;
  private final Connector connector;
  private final ReconnectBackoff backoff;
  private final Object lock = new Object();
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private final List<CompletableFuture<Boolean>> readyWaiters = new ArrayList<>();
  private boolean started;
  private boolean closed;
  private boolean connecting;
  private Connection opening;
  private Connection ready;
  private int failures;
  private volatile long lastHeardMillis;
  /**
   * How many connections became ready: the number of the session the ready one carries (a
   * sign-on's batch number and keys belong to it). Written under {@link #lock}.
   */
  private volatile long sessions;

  Link(
      IsoChannel channel,
      ChannelSettings settings,
      ChannelRuntime runtime,
      ChannelSession session,
      Multiplexer mux,
      AnswerRouter router) {
    this.channel = channel;
    this.settings = settings;
    this.runtime = runtime;
    this.session = session;
    this.mux = mux;
    this.router = router;
    this.connector = new Connector(settings);
    this.backoff =
        new ReconnectBackoff(settings.reconnectBase(), settings.reconnectMax(), runtime.random());
  }

  /** Starts connecting; false if already started or closed. */
  boolean start() {
    synchronized (lock) {
      if (started || closed) {
        return false;
      }
      started = true;
    }
    connectAfter(Duration.ZERO);
    return true;
  }

  boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** The connections open now: the one carrying requests and the one signing on, if any. */
  List<Connection> openConnections() {
    synchronized (lock) {
      List<Connection> open = new ArrayList<>(2);
      if (ready != null) {
        open.add(ready);
      }
      if (opening != null) {
        open.add(opening);
      }
      return open;
    }
  }

  /**
   * The session of the connection that became ready last (0 before the first): what a request
   * built now is built for.
   */
  long sessionNumber() {
    return sessions;
  }

  /** The connection carrying requests, if one is up and signed on. */
  Optional<Connection> ready() {
    synchronized (lock) {
      return Optional.ofNullable(ready);
    }
  }

  /**
   * The connection to write {@code exchange} on now; empty if it was queued to wait for one (a
   * connection attempt is then started) or the link is closed.
   */
  Optional<Connection> route(Exchange exchange) {
    Connection target;
    synchronized (lock) {
      if (closed) {
        return Optional.empty();
      }
      target = ready;
      if (target == null) {
        waiting.add(exchange);
      } else {
        // Claimed for it under the lock: a sign-on again that starts now waits for this one too.
        exchange.writtenOn = target;
      }
    }
    if (target == null) {
      connectAfter(Duration.ZERO);
    }
    return Optional.ofNullable(target);
  }

  /**
   * Completes with true once a connection is ready (at once if one is), with false at {@code
   * deadline} or on close. Starts connecting.
   */
  CompletableFuture<Boolean> whenReady(Instant deadline) {
    CompletableFuture<Boolean> waiter = new CompletableFuture<>();
    synchronized (lock) {
      if (closed || ready != null) {
        return CompletableFuture.completedFuture(!closed);
      }
      readyWaiters.add(waiter);
    }
    long delay = Math.max(0, Duration.between(runtime.clock().instant(), deadline).toMillis());
    try {
      runtime
          .scheduler()
          .schedule(
              () -> {
                synchronized (lock) {
                  readyWaiters.remove(waiter);
                }
                waiter.complete(false);
              },
              delay,
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      waiter.complete(false);
    }
    connectAfter(Duration.ZERO);
    return waiter;
  }

  /**
   * Signs on again over the connection carrying requests, as a UnionPay host asks by answering 77
   * or A0 when its keys or batch and the terminal's are out of step: new requests wait in the
   * queue; once the requests in flight on it have ended (their answers are read under the keys
   * they were signed with), the sign-on goes out; its answer begins a new session, and the queued
   * requests are signed again for it and sent. A refused or unanswered sign-on drops the
   * connection and the link reconnects, as at connect. False, doing nothing, when no connection
   * is ready or one is signing on already.
   */
  boolean signOnAgain(String why, long session, Supplier<CompletableFuture<?>> alsoAwait) {
    Connection connection;
    synchronized (lock) {
      if (closed || ready == null || sessions != session) {
        return false; // none ready, one signing on, or signed on since the request was built
      }
      connection = ready;
      ready = null;
      // Signing on again, as a new connection does: requests queue, no other connection opens.
      opening = connection;
    }
    List<Exchange> inFlight = mux.writtenOn(connection);
    log.info("signing on again over connection {} ({}) once its {} requests in flight have ended",
        connection, why, inFlight.size());
    CompletableFuture<Boolean> drained = new CompletableFuture<>();
    CompletableFuture.allOf(inFlight.stream().map(e -> e.future).toArray(CompletableFuture[]::new))
        .handle((ended, error) -> null)
        .thenCompose(ended -> awaited(alsoAwait))
        .whenComplete((read, error) -> drained.complete(true));
    // The requests end by their deadlines; their readings get the sign-on timeout on top.
    long now = runtime.clock().millis();
    long lastDeadline = inFlight.stream().mapToLong(e -> e.deadlineMillis).max().orElse(now);
    long cap = Math.max(0, lastDeadline - now) + settings.signOnTimeout().toMillis();
    try {
      runtime.scheduler().schedule(() -> drained.complete(false), cap, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      drained.complete(false);
    }
    // Not on the thread that ended the last request (a reader, or the timer, which must not
    // write): the sign-on takes a trace number and writes.
    drained.thenAccept(inTime -> {
      if (!inTime) {
        log.warn("connection {}: requests still in flight after {} ms; signing on again anyway",
            connection, cap);
      }
      try {
        runtime.threads().newThread(() -> signOnNow(connection)).start();
      } catch (RuntimeException | Error noThread) {
        log.error("connection {}: no thread to sign on again; dropping it", connection, noThread);
        connection.close("no thread to sign on again"); // its reader ends it; the link reconnects
      }
    });
    return true;
  }

  /** What {@code alsoAwait} gives; its failure, or a throw, is taken as done. */
  private static CompletableFuture<Object> awaited(Supplier<CompletableFuture<?>> alsoAwait) {
    try {
      return alsoAwait.get().handle((read, error) -> null);
    } catch (RuntimeException failed) {
      log.warn("waiting for the answers to be read before signing on again failed", failed);
      return CompletableFuture.completedFuture(null);
    }
  }

  private void signOnNow(Connection connection) {
    synchronized (lock) {
      if (opening != connection) {
        return; // the connection ended, or the channel closed, meanwhile
      }
    }
    signOn(connection);
  }

  /**
   * The connection to repeat {@code exchange} on now, claimed for it under the lock (as {@link
   * #route}); empty while it waits in the queue or no connection is ready.
   */
  Optional<Connection> readyFor(Exchange exchange) {
    synchronized (lock) {
      if (ready == null || waiting.contains(exchange)) {
        return Optional.empty();
      }
      exchange.writtenOn = ready;
      return Optional.of(ready);
    }
  }

  /** Stops using {@code connection} for new requests (a write on it failed); its reader ends it. */
  void unready(Connection connection) {
    synchronized (lock) {
      if (ready == connection) {
        ready = null;
      }
    }
  }

  /** Takes {@code exchange} out of the queue; true if it was waiting there. */
  boolean unqueue(Exchange exchange) {
    synchronized (lock) {
      return waiting.remove(exchange);
    }
  }

  /**
   * Milliseconds by the runtime clock when the host was last heard from (a message read), or the
   * connection became ready. What the terminal writes does not count: a host that answers nothing
   * is silent however much is sent to it.
   */
  long lastHeardMillis() {
    return lastHeardMillis;
  }

  private void heard() {
    lastHeardMillis = runtime.clock().millis();
  }

  /** Starts connecting after {@code wait}, unless a connection is there or on its way. */
  private void connectAfter(Duration wait) {
    synchronized (lock) {
      if (closed || !started || connecting || opening != null || ready != null) {
        return;
      }
      connecting = true;
    }
    scheduleConnect(wait);
  }

  /**
   * Connects after {@code wait}; {@link #connecting} is already set, by the caller, under the lock
   * that saw no connection. Set from the moment a connection ends or an attempt fails until the
   * next attempt, it keeps a request sent meanwhile from connecting at once: the backoff holds
   * however many requests come.
   */
  private void scheduleConnect(Duration wait) {
    try {
      if (wait.isZero()) {
        startConnecting();
      } else {
        runtime.scheduler().schedule(this::startConnecting, wait.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException shutDown) {
      log.warn("cannot reconnect to {}: the scheduler is shut down", settings.address());
      synchronized (lock) {
        connecting = false;
      }
    }
  }

  /** Connects on a thread of its own; a thread that cannot be had is an attempt failed. */
  private void startConnecting() {
    try {
      runtime.threads().newThread(this::connectAndRead).start();
    } catch (RuntimeException | OutOfMemoryError noThread) {
      int attempt;
      synchronized (lock) {
        attempt = ++failures;
      }
      Duration wait = backoff.delay(attempt);
      log.error("no thread to connect to {} on (attempt {}): {}; next attempt in {} ms",
          settings.address(), attempt, noThread.toString(), wait.toMillis());
      scheduleConnect(wait);
    }
  }

  private void connectAndRead() {
    synchronized (lock) {
      if (closed) {
        connecting = false;
        return;
      }
    }
    Connection connection;
    try {
      connection = open();
    } catch (IOException | RuntimeException failed) {
      int attempt;
      synchronized (lock) {
        attempt = ++failures; // still connecting: the next attempt is the scheduled one
      }
      Duration wait = backoff.delay(attempt);
      log.warn(
          "connecting to {} failed (attempt {}): {}; next attempt in {} ms",
          settings.address(),
          attempt,
          failed.toString(),
          wait.toMillis());
      scheduleConnect(wait);
      return;
    }
    synchronized (lock) {
      connecting = false;
      if (closed) {
        connection.close("the channel closed while it connected");
        return;
      }
      opening = connection;
    }
    log.info("connected to {} (connection {})", settings.address(), connection);
    signOn(connection);
    read(connection);
  }

  /** A new connection; the socket is closed again if it cannot be wrapped. */
  private Connection open() throws IOException {
    Connector.Sockets sockets = connector.open();
    try {
      return new Connection(
          sockets.stream(), sockets.tcp(), settings.address(), settings.framing());
    } catch (IOException | RuntimeException failed) {
      try {
        sockets.stream().close();
      } catch (IOException closing) {
        failed.addSuppressed(closing);
      }
      throw failed;
    }
  }

  private void signOn(Connection connection) {
    Optional<IsoMessage> signOn;
    try {
      signOn = session.signOn();
    } catch (RuntimeException failed) {
      log.error("could not build the sign-on; dropping connection {}", connection, failed);
      connection.close("the sign-on could not be built");
      return;
    }
    if (!signOn.isPresent()) {
      markReady(connection);
      return;
    }
    Instant deadline = runtime.clock().instant().plus(settings.signOnTimeout());
    try {
      channel
          .sendOn(connection, signOn.get(), deadline)
          .thenAccept(result -> afterSignOn(connection, result));
    } catch (RuntimeException failed) {
      log.error("could not send the sign-on; dropping connection {}", connection, failed);
      connection.close("the sign-on could not be sent");
    }
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
      log.warn(
          "sign-on over connection {} refused or unanswered ({}); dropping it",
          connection,
          result.detail());
      connection.close("sign-on refused or unanswered");
    }
  }

  private void markReady(Connection connection) {
    List<Exchange> flush;
    List<CompletableFuture<Boolean>> waiters;
    synchronized (lock) {
      if (closed || opening != connection) {
        return;
      }
      opening = null;
      ready = connection;
      connection.beginSession(++sessions); // after signedOn() recorded the sign-on's keys
      heard(); // the echo's silence is counted from here
      flush = new ArrayList<>(waiting);
      waiting.clear();
      for (Exchange exchange : flush) {
        exchange.writtenOn = connection; // claimed under the lock, as route() claims
      }
      waiters = new ArrayList<>(readyWaiters);
      readyWaiters.clear();
    }
    for (CompletableFuture<Boolean> waiter : waiters) {
      waiter.complete(true);
    }
    for (Exchange exchange : flush) {
      if (!exchange.isDone()) {
        channel.write(connection, exchange, false);
      }
    }
  }

  private void read(Connection connection) {
    UnknownReason reason = UnknownReason.CONNECTION_LOST;
    String detail;
    int undecodable = 0;
    // The backoff starts over only once the connection carried an answer after it was ready
    // (Connection#markProven): a sign-on answer alone (refused, or the host drops the line after
    // it) proves nothing.
    try {
      while (true) {
        byte[] frame = connection.read();
        if (frame == null) {
          detail = "host closed the connection";
          break;
        }
        heard();
        connection.heardFromHost();
        if (frame.length == 0) {
          log.debug("empty message on connection {} ignored", connection);
          continue;
        }
        boolean readyBefore = !connection.isProven() && isReady(connection);
        AnswerRouter.Routing routing = router.route(frame, connection);
        if (readyBefore && routing == AnswerRouter.Routing.DELIVERED) {
          synchronized (lock) {
            failures = 0;
          }
          connection.markProven();
        }
        undecodable = routing == AnswerRouter.Routing.UNDECODABLE ? undecodable + 1 : 0;
        if (undecodable >= UNDECODABLE_IN_A_ROW) {
          reason = UnknownReason.MALFORMED_RESPONSE;
          detail =
              "host sent " + undecodable + " undecodable messages in a row; connection dropped";
          break;
        }
      }
    } catch (FramingException broken) {
      reason = UnknownReason.MALFORMED_RESPONSE;
      detail = "host broke the framing: " + broken.getMessage();
    } catch (IOException lost) {
      detail = connection.closedHere()
          ? "connection dropped: " + connection.closedBecause()
          : "connection lost: " + lost;
    } catch (RuntimeException bug) {
      log.error("reading from connection {} failed", connection, bug);
      detail = "reader failed: " + bug;
    }
    ended(connection, reason, detail);
  }

  private boolean isReady(Connection connection) {
    synchronized (lock) {
      return ready == connection;
    }
  }

  private void ended(Connection connection, UnknownReason reason, String detail) {
    connection.close(detail);
    boolean reconnect;
    int attempt;
    synchronized (lock) {
      if (ready == connection) {
        ready = null;
      }
      if (opening == connection) {
        opening = null;
      }
      // Connecting from now on (unless another connection took over): a request sent while the
      // ones in flight here are failed waits for the attempt after the backoff.
      reconnect = !closed && ready == null && opening == null && !connecting;
      connecting |= reconnect;
      attempt = ++failures;
    }
    int inDoubt = 0;
    for (Exchange exchange : mux.writtenOn(connection)) {
      if (exchange.isRepeatable()) {
        exchange.writtenOn = null;
      } else if (mux.finish(
          exchange, ChannelResult.failure(reason, detail), Multiplexer.Fate.FAILED)) {
        inDoubt++;
      }
    }
    if (!reconnect) {
      log.info("connection {} ended: {}", connection, detail);
      return;
    }
    // A connection that carried answers reconnects at once; failing ones back off.
    Duration wait = connection.isProven() && attempt == 1 ? Duration.ZERO : backoff.delay(attempt);
    log.warn(
        "connection {} ended: {}; {} requests in doubt; reconnecting in {} ms",
        connection,
        detail,
        inDoubt,
        wait.toMillis());
    scheduleConnect(wait);
  }

  /**
   * Stops for good: closes the connections and hands back the requests still waiting for one,
   * never written (the channel fails them, and every other request in flight).
   */
  List<Exchange> close() {
    List<Connection> connections = new ArrayList<>();
    List<CompletableFuture<Boolean>> waiters;
    List<Exchange> unsent;
    synchronized (lock) {
      if (closed) {
        return List.of();
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
      unsent = new ArrayList<>(waiting);
      waiting.clear();
      waiters = new ArrayList<>(readyWaiters);
      readyWaiters.clear();
    }
    for (CompletableFuture<Boolean> waiter : waiters) {
      waiter.complete(false);
    }
    for (Connection connection : connections) {
      connection.close("the channel closed");
    }
    return unsent;
  }
}
