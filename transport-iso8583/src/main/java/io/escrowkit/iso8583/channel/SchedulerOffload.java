package io.escrowkit.iso8583.channel;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduler's timed work that writes to the host (echo tests, advice repeats) on a
 * thread of its own, so that the scheduler never blocks: a write blocks while the host does not
 * read, and the scheduler must go on firing deadlines and the write watchdog that ends such a
 * write. One thread, started when work comes and gone when it stops.
 *
 * <p>Each piece of periodic work waits here at most once ({@link #runUnlessWaiting}): while the
 * thread is held up by a blocked write, a timer that fires again adds nothing, so no burst of
 * repeats follows once the write is freed, and what waits is bounded by the number of advices
 * in flight plus the echo. Threadsafe.
 */
final class SchedulerOffload {
  private static final Logger log = LoggerFactory.getLogger(SchedulerOffload.class);
  private final ThreadPoolExecutor worker;

  SchedulerOffload(ThreadFactory threads) {
    this.worker =
        new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
  }

  /**
   * Runs {@code work} on the offload thread unless it waits there already ({@code waiting} set);
   * {@code waiting} is cleared as the work starts. Does nothing once closed.
   */
  void runUnlessWaiting(AtomicBoolean waiting, Runnable work) {
    if (!waiting.compareAndSet(false, true)) {
      return;
    }
    Runnable task = () -> {
      waiting.set(false);
      work.run();
    };
    try {
      worker.execute(task);
    } catch (RejectedExecutionException closed) {
      waiting.set(false);
      return;
    } catch (RuntimeException | Error noThread) {
      // the thread factory failed: left queued with no thread, the work would never run and its
      // flag would keep every later turn out
      worker.remove(task);
      waiting.set(false);
      log.warn("no thread for the channel's timed sends; this turn skipped", noThread);
      return;
    }
    if (worker.getPoolSize() == 0 && worker.remove(task)) {
      waiting.set(false); // the thread factory gave no thread: skipped, the next turn tries again
      log.warn("no thread for the channel's timed sends; this turn skipped");
    }
  }

  /**
   * Stops; work not yet started is dropped. Work running is not interrupted (it may be in the
   * application's code, e.g. a journal drawing the echo's trace); the closed connections end it.
   */
  void close() {
    worker.shutdown();
    worker.getQueue().clear();
  }
}
