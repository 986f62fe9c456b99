package io.escrowkit.iso8583.channel;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request in flight: its key, its bytes (and, for an advice, the repeat's bytes), its deadline, the
 * connection it last went out on, and the future its answer completes. Threadsafe: the future
 * completes once; the other mutable parts are volatile.
 */
final class Exchange {
  final MatchKey key;
  final String requestMti;
  final String answerMti;
  final byte[] requestTpdu;
  final byte[] frame;
  final Optional<byte[]> repeatFrame;
  final Duration repeatInterval;
  /** When it ends unanswered (epoch milliseconds of the channel's clock). */
  final long deadlineMillis;
  final CompletableFuture<ChannelResult> future = new CompletableFuture<>();
  volatile Connection writtenOn;
  volatile ScheduledFuture<?> repeatTimer;
  /** A repeat of it waits for the offload thread (see {@link SchedulerOffload}). */
  final AtomicBoolean repeatWaiting = new AtomicBoolean();

  Exchange(
      MatchKey key,
      String requestMti,
      byte[] requestTpdu,
      byte[] frame,
      Optional<byte[]> repeatFrame,
      Duration repeatInterval,
      long deadlineMillis) {
    this.key = key;
    this.requestMti = requestMti;
    this.answerMti = MatchKey.answerMti(requestMti);
    this.requestTpdu = requestTpdu;
    this.frame = frame;
    this.repeatFrame = repeatFrame;
    this.repeatInterval = repeatInterval;
    this.deadlineMillis = deadlineMillis;
  }

  /** Whether a lost connection leaves it waiting to be repeated rather than failed (advices). */
  boolean isRepeatable() {
    return repeatFrame.isPresent();
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
