package io.escrowkit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An executor for the work that follows a host's answer (recording the outcome), tied to the
 * thread that sent the request: while that thread waits in {@link Futures#await}, the work is
 * handed to it and runs there; at any other time (the thread is busy, or never waits because the
 * caller went asynchronous) the work goes to the fallback executor, as before. Either way the
 * thread that delivered the answer (a transport's reader) only hands the work on and never runs
 * it, so it never waits on the journal.
 *
 * <p>A blocking {@code execute()} thus costs one thread handoff per answer (reader to caller), as
 * a plain socket client does, instead of two (reader to worker to caller).
 *
 * <p>Threadsafe. One instance per thread ({@link #current}), lives as long as the thread.
 */
final class WaitingCaller {
  private static final ThreadLocal<WaitingCaller> MINE = ThreadLocal.withInitial(WaitingCaller::new);

  private final ArrayDeque<Handed> handed = new ArrayDeque<>();
  private boolean waiting;

  private WaitingCaller() {}

  /** An executor for work that follows a request sent now, on the current thread. */
  static Executor current(Executor fallback) {
    return new Bound(MINE.get(), fallback);
  }

  /**
   * Waits for {@code future} on the current thread, running the work handed to this thread
   * meanwhile.
   *
   * @throws InterruptedException if interrupted while waiting (work handed but not run then goes
   *     to its fallback executor)
   */
  static void awaitOnCurrentThread(CompletableFuture<?> future) throws InterruptedException {
    MINE.get().runUntilDone(future);
  }

  /** Whether its thread waits in {@link #awaitOnCurrentThread} now; for tests. */
  synchronized boolean isWaiting() {
    return waiting;
  }

  /** The current thread's; for tests. */
  static WaitingCaller ofCurrentThread() {
    return MINE.get();
  }

  private void offer(Runnable work, Executor fallback) {
    synchronized (this) {
      if (waiting) {
        handed.add(new Handed(work, fallback));
        notifyAll();
        return;
      }
    }
    fallback.execute(work);
  }

  private void runUntilDone(CompletableFuture<?> future) throws InterruptedException {
    future.whenComplete((value, error) -> wake());
    Handed next;
    while ((next = next(future)) != null) {
      next.work().run(); // meanwhile this thread is busy: new work goes to its fallback
    }
  }

  /**
   * The next work handed to this thread, waiting for some; null once {@code future} is done and
   * nothing is handed, from when on work goes to its fallback.
   */
  private Handed next(CompletableFuture<?> future) throws InterruptedException {
    List<Handed> left;
    InterruptedException stopped;
    synchronized (this) {
      try {
        while (handed.isEmpty() && !future.isDone()) {
          waiting = true;
          wait();
        }
        return handed.poll();
      } catch (InterruptedException interrupted) {
        stopped = interrupted;
        left = new ArrayList<>(handed);
        handed.clear();
      } finally {
        waiting = false;
      }
    }
    for (Handed work : left) {
      work.fallback().execute(work.work());
    }
    throw stopped;
  }

  private synchronized void wake() {
    notifyAll();
  }

  private record Handed(Runnable work, Executor fallback) {}

  /** A thread's {@link WaitingCaller} with the executor that takes the work it cannot. */
  private record Bound(WaitingCaller caller, Executor fallback) implements Executor {
    @Override
    public void execute(Runnable work) {
      caller.offer(work, fallback);
    }
  }
}
