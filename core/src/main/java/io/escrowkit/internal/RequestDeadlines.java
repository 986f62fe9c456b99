package io.escrowkit.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadlines of a client's requests in flight, watched with one timer: armed for the earliest
 * deadline and, when it fires, ending every request whose deadline has come and re-armed for the
 * next. A request answered in time costs an insert and a removal in a concurrent set, where a
 * timer per request cost a schedule and a cancel on the scheduler's queue, under its lock, on
 * every send. Deadlines are read from {@link System#nanoTime()}, as the scheduler's delays are.
 * Threadsafe.
 */
final class RequestDeadlines {
  private static final Logger log = LoggerFactory.getLogger(RequestDeadlines.class);
  private static final long NONE = Long.MAX_VALUE;
  /**
   * How late the timer may fire after the earliest deadline, so that one firing ends every request
   * due within that time rather than one each (requests sent together fall due together).
   */
  private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /** One request: what ends it at its deadline unless it ended before. */
  static final class Watched {
    private final long dueNanos;
    private final Runnable expire;

    private Watched(long dueNanos, Runnable expire) {
      this.dueNanos = dueNanos;
      this.expire = expire;
    }
  }

  private final ScheduledExecutorService scheduler;
  private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
  /** The deadline the timer is armed for; read without the lock to skip it on most sends. */
  private volatile long armedFor = NONE;
  private ScheduledFuture<?> timer;

  RequestDeadlines(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Runs {@code expire} about {@code waitMillis} from now unless {@link #ended} is called first.
   *
   * @throws RejectedExecutionException if the scheduler is shut down (nothing is watched then)
   */
  Watched watch(long waitMillis, Runnable expire) {
    if (scheduler.isShutdown()) {
      throw new RejectedExecutionException("scheduler shut down: the deadline cannot be watched");
    }
    Watched watched =
        new Watched(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis), expire);
    inFlight.add(watched);
    if (watched.dueNanos - armedFor < 0 || armedFor == NONE) {
      try {
        arm(watched.dueNanos);
      } catch (RejectedExecutionException shutDown) {
        inFlight.remove(watched);
        throw shutDown;
      }
    }
    return watched;
  }

  /** The request ended before its deadline: nothing to do for it any more. */
  void ended(Watched watched) {
    inFlight.remove(watched);
  }

  private synchronized void arm(long dueNanos) {
    if (armedFor != NONE && dueNanos - armedFor >= 0) {
      return;
    }
    long delay = Math.max(0, dueNanos - System.nanoTime());
    // Scheduled before the old timer goes: if the scheduler refuses, the old one still watches.
    ScheduledFuture<?> armed =
        scheduler.schedule(() -> fire(dueNanos), delay, TimeUnit.NANOSECONDS);
    if (timer != null) {
      timer.cancel(false);
    }
    armedFor = dueNanos;
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
    long next = endDue(System.nanoTime());
    if (next != NONE) {
      try {
        arm(next + SLACK_NANOS);
      } catch (RejectedExecutionException shutDown) {
        // No timer can be armed any more: this thread ends the rest, each at its own deadline.
        log.warn("the client's scheduler is shut down: the {} requests in flight end at their"
            + " deadlines on this thread", inFlight.size());
        endAtTheirDeadlines();
      }
    }
  }

  private void endAtTheirDeadlines() {
    while (!inFlight.isEmpty()) {
      long now = System.nanoTime();
      long next = endDue(now);
      if (next != NONE) {
        LockSupport.parkNanos(this, Math.min(next - now, SLACK_NANOS));
        if (Thread.interrupted()) {
          return; // shut down now: what is left is left, as with the timers it dropped
        }
      }
    }
  }

  /** Ends every request due by {@code now}; the earliest deadline left, or {@link #NONE}. */
  private long endDue(long now) {
    long next = NONE;
    for (Watched watched : inFlight) {
      if (watched.dueNanos - now <= 0) {
        if (inFlight.remove(watched)) {
          expire(watched);
        }
      } else if (next == NONE || watched.dueNanos - next < 0) {
        next = watched.dueNanos;
      }
    }
    return next;
  }

  private static void expire(Watched watched) {
    try {
      watched.expire.run();
    } catch (RuntimeException failed) {
      log.error("ending a request at its deadline failed", failed);
    }
  }
}
