package io.escrowkit.iso8583.channel;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadlines of the requests in flight, watched with one timer: armed for the earliest deadline
 * and, when it fires, ending every request whose deadline has come and re-armed for the next. A
 * request answered in time needs nothing done, where a timer per request would cost a schedule and
 * a cancel on the scheduler's queue, and a wakeup of its thread whenever that queue was empty.
 * Threadsafe.
 */
final class DeadlineWatch {
  private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
  private static final long NONE = Long.MAX_VALUE;

  private final ChannelRuntime runtime;
  private final Multiplexer mux;
  private final Consumer<Exchange> expire;
  private long armedFor = NONE;
  private ScheduledFuture<?> timer;
  private boolean stopped;

  /** Ends the exchanges of {@code mux} whose deadline came by handing them to {@code expire}. */
  DeadlineWatch(ChannelRuntime runtime, Multiplexer mux, Consumer<Exchange> expire) {
    this.runtime = runtime;
    this.mux = mux;
    this.expire = expire;
  }

  /**
   * Makes sure {@code exchange} (already registered in the multiplexer) ends by its deadline.
   *
   * @throws RejectedExecutionException if the scheduler was shut down
   */
  void watch(Exchange exchange) {
    if (runtime.scheduler().isShutdown()) {
      throw new RejectedExecutionException("scheduler shut down");
    }
    arm(exchange.deadlineMillis);
  }

  /** Stops the timer; nothing is armed from now on. */
  synchronized void stop() {
    stopped = true;
    if (timer != null) {
      timer.cancel(false);
    }
    armedFor = NONE;
  }

  private synchronized void arm(long deadline) {
    if (stopped || deadline >= armedFor) {
      return;
    }
    long delay = Math.max(0, deadline - runtime.clock().millis());
    // Scheduled before the old timer goes: if the scheduler refuses, the old one still watches.
    ScheduledFuture<?> armed =
        runtime.scheduler().schedule(() -> fire(deadline), delay, TimeUnit.MILLISECONDS);
    if (timer != null) {
      timer.cancel(false);
    }
    armedFor = deadline;
    timer = armed;
  }

  /** The timer armed for {@code due} fired (it may have been replaced by an earlier one since). */
  private void fire(long due) {
    synchronized (this) {
      if (armedFor == due) {
        armedFor = NONE;
        timer = null;
      }
    }
    long now = Math.max(due, runtime.clock().millis()); // a late timer ends all that are due
    long next = NONE;
    for (Exchange exchange : mux.all()) {
      if (exchange.deadlineMillis <= now) {
        expireOne(exchange);
      } else {
        next = Math.min(next, exchange.deadlineMillis);
      }
    }
    if (next != NONE) {
      try {
        arm(next);
      } catch (RejectedExecutionException shutDown) {
        // No timer can watch the rest: end them now, as unknown, rather than leave them hanging.
        stop();
        List<Exchange> left = mux.all();
        log.warn("the channel's scheduler is shut down: ending the {} requests in flight as"
            + " unknown", left.size());
        for (Exchange exchange : left) {
          expireOne(exchange);
        }
      }
    }
  }

  private void expireOne(Exchange exchange) {
    try {
      expire.accept(exchange);
    } catch (RuntimeException failed) {
      log.error("ending {} at its deadline failed", exchange, failed);
    }
  }
}
