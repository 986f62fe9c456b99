package io.escrowkit.simulator.functional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that keeps what the simulator schedules instead of running it, so a test decides when
 * a delayed answer goes out: no sleeping, no timing. Threadsafe.
 */
final class RecordingScheduler extends ScheduledThreadPoolExecutor {

  record Task(Runnable command, Duration delay) {}

  private final List<Task> tasks = new ArrayList<>();

  RecordingScheduler() {
    super(1);
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    tasks.add(new Task(command, Duration.ofNanos(unit.toNanos(delay))));
    return super.schedule(() -> {}, 1, TimeUnit.DAYS);
  }

  synchronized List<Task> tasks() {
    return List.copyOf(tasks);
  }

  /** Runs every kept task now, on the caller's thread. */
  void runAll() {
    List<Task> due;
    synchronized (this) {
      due = List.copyOf(tasks);
      tasks.clear();
    }
    due.forEach(t -> t.command().run());
  }
}
