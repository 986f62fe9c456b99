package io.escrowkit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An executor for the work that follows a host's answer (recording the outcome), tied to the
 * thread that sent the request: while that thread waits in {@link Futures#await}, the work is
 * handed to it and runs there. Work that comes while the thread is not waiting goes to the fallback
 * executor, as before, and is also left for the thread: if the thread starts waiting before the
 * fallback got to it (the answer beat the caller into {@code execute()}'s wait), the thread runs
 * it; whichever comes first runs it, exactly once. The thread that delivered the answer (a
 * transport's reader) only hands the work on and never runs it, so it never waits on the journal;
 * and work never waits for a thread that may not come.
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
    Handed item = new Handed(work, fallback);
    synchronized (this) {
      while (!handed.isEmpty() && handed.peek().isTaken()) {
        handed.poll(); // run by the fallback already
      }
      handed.add(item);
      if (waiting) {
        notifyAll();
        return;
      }
    }
    fallback.execute(item);
  }

  private void runUntilDone(CompletableFuture<?> future) throws InterruptedException {
    future.whenComplete((value, error) -> wake());
    Handed next;
    while ((next = next(future)) != null) {
      next.runTaken(); // meanwhile this thread is busy: new work goes to its fallback too
    }
  }

  /**
   * The next work handed to this thread and taken by it, waiting for some; null once {@code
   * future} is done and nothing is left to take.
   */
  private Handed next(CompletableFuture<?> future) throws InterruptedException {
    List<Handed> left;
    InterruptedException stopped;
    synchronized (this) {
      try {
        while (true) {
          Handed item;
          while ((item = handed.poll()) != null) {
            if (item.take()) {
              return item;
            }
          }
          if (future.isDone()) {
            return null;
          }
          waiting = true;
          wait();
        }
      } catch (InterruptedException interrupted) {
        stopped = interrupted;
        left = new ArrayList<>(handed);
        handed.clear();
      } finally {
        waiting = false;
      }
    }
    for (Handed item : left) {
      item.fallback.execute(item); // runs only if nobody took it
    }
    throw stopped;
  }

  private synchronized void wake() {
    notifyAll();
  }

  /** Work that whoever takes it first runs: the waiting thread or the fallback executor. */
  private static final class Handed implements Runnable {
    private final AtomicBoolean taken = new AtomicBoolean();
    private final Executor fallback;
    private Runnable work;

    Handed(Runnable work, Executor fallback) {
      this.work = work;
      this.fallback = fallback;
    }

    boolean take() {
      return taken.compareAndSet(false, true);
    }

    boolean isTaken() {
      return taken.get();
    }

    /** Runs the work once taken; forgets it, so a pruned-late entry holds nothing. */
    void runTaken() {
      Runnable once = work;
      work = null;
      once.run();
    }

    /** The fallback's way in. */
    @Override
    public void run() {
      if (take()) {
        runTaken();
      }
    }
  }

  /** A thread's {@link WaitingCaller} with the executor that takes the work it cannot. */
  private record Bound(WaitingCaller caller, Executor fallback) implements Executor {
    @Override
    public void execute(Runnable work) {
      caller.offer(work, fallback);
    }
  }
}
