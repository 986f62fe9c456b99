package io.escrowkit.iso8583.channel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request in flight: its key, its bytes (and, for an advice, the repeat's bytes) with the
 * session they were built for and how to build them again, its deadline, the connection it last
 * went out on, and the future its answer completes. Threadsafe: the future completes once; the
 * other mutable parts are volatile, and the bytes are rebuilt under the exchange's lock.
 */
final class Exchange {
  /** The bytes to write, and the session they were built for. */
  record Frames(byte[] first, Optional<byte[]> repeat, long sessionNumber) {}

  final MatchKey key;
  final String requestMti;
  final String answerMti;
  final byte[] requestTpdu;
  final Duration repeatInterval;
  /** Builds the request again for a newer session; empty for a request that never changes. */
  final Optional<Supplier<Outgoing>> rebuild;
  /** When it ends unanswered (epoch milliseconds of the channel's clock). */
  final long deadlineMillis;
  final CompletableFuture<ChannelResult> future = new CompletableFuture<>();
  private final boolean repeatable;
  private volatile Frames frames;
  volatile Connection writtenOn;
  volatile ScheduledFuture<?> repeatTimer;
  /** A repeat of it waits for the offload thread (see {@link SchedulerOffload}). */
  final AtomicBoolean repeatWaiting = new AtomicBoolean();

  Exchange(
      MatchKey key,
      String requestMti,
      byte[] requestTpdu,
      Frames frames,
      Optional<Supplier<Outgoing>> rebuild,
      Duration repeatInterval,
      long deadlineMillis) {
    this.key = key;
    this.requestMti = requestMti;
    this.answerMti = MatchKey.answerMti(requestMti);
    this.requestTpdu = requestTpdu;
    this.frames = frames;
    this.repeatable = frames.repeat().isPresent();
    this.rebuild = rebuild;
    this.repeatInterval = repeatInterval;
    this.deadlineMillis = deadlineMillis;
  }

  /**
   * The frames for a connection of {@code session}: built again by {@code encode} if they were
   * built for an older session and it can be rebuilt, else as they are.
   *
   * @throws IllegalStateException if the rebuilt request is not the same request (other key,
   *     message type, or repeat)
   * @throws RuntimeException whatever rebuilding or encoding throws
   */
  Frames framesFor(long session, Function<Outgoing, Frames> encode) {
    Frames now = frames;
    if (!rebuild.isPresent() || now.sessionNumber() >= session) {
      return now; // the usual case, without the lock
    }
    return rebuilt(session, encode);
  }

  private synchronized Frames rebuilt(long session, Function<Outgoing, Frames> encode) {
    Frames now = frames;
    if (now.sessionNumber() >= session) {
      return now; // another writer rebuilt them meanwhile
    }
    Outgoing built = rebuild.get().get();
    if (!MatchKey.ofRequest(built.request()).equals(key)
        || !built.request().mti().equals(requestMti)
        || built.repeat().isPresent() != repeatable
        || built.repeat().isPresent() && !MatchKey.ofRequest(built.repeat().get()).equals(key)) {
      throw new IllegalStateException("rebuilt as another request: " + built.request().mti()
          + " " + MatchKey.ofRequest(built.request()) + " for " + this);
    }
    Frames rebuilt = encode.apply(built);
    frames = new Frames(
        rebuilt.first(), rebuilt.repeat(), Math.max(session, rebuilt.sessionNumber()));
    return frames;
  }

  /** Whether a lost connection leaves it waiting to be repeated rather than failed (advices). */
  boolean isRepeatable() {
    return repeatable;
  }

  boolean isDone() {
    return future.isDone();
  }

  /** Completes the future once and stops the repeat timer; false if it was already complete. */
  boolean complete(ChannelResult result) {
    boolean first = future.complete(result);
    cancelTimers();
    return first;
  }

  /** Stops the repeat timer (again, for one armed after completion). */
  void cancelTimers() {
    ScheduledFuture<?> timer = repeatTimer;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  @Override
  public String toString() {
    return requestMti + " " + key;
  }
}
