package io.escrowkit.iso8583.channel;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduler's timed work that writes to the host (idle echo tests, advice repeats) on a
 * thread of its own, so that the scheduler never blocks: a write blocks while the host does not
 * read, and the scheduler must go on firing deadlines and the write watchdog that ends such a
 * write. One thread, started when work comes and gone when it stops; at most {@value #WAITING}
 * pieces wait, more are skipped (an echo or repeat comes round again). Threadsafe.
 */
final class SchedulerOffload {
  private static final Logger log = LoggerFactory.getLogger(SchedulerOffload.class);
  private static final int WAITING = 64;

  private final ThreadPoolExecutor worker;

  SchedulerOffload(ThreadFactory threads) {
    this.worker =
        new ThreadPoolExecutor(
            0,
            1,
            5,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING),
            threads,
            (skipped, refusing) -> {
              if (!refusing.isShutdown()) {
                log.warn("{} timed sends waiting behind a blocked write; one skipped", WAITING);
              }
            });
  }

  /** Runs {@code work} on the offload thread, or skips it if too much waits or it closed. */
  void run(Runnable work) {
    worker.execute(work);
  }

  /** Stops; work not yet run is dropped. */
  void close() {
    worker.shutdownNow();
  }
}
