package io.escrowkit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * An executor for the work that follows a host's answer (recording the outcome), tied to the
 * thread that sent the request: while that thread waits in {@link Futures#await}, the work is
 * handed to it and runs there. Work that comes while the thread is not waiting goes to the fallback
 * executor, as before, and is also left for the thread: if the thread starts waiting before the
 * fallback got to it (the answer beat the caller into {@code execute()}'s wait), the thread runs
 * it; whichever comes first runs it, exactly once. The thread that delivered the answer (a
 * transport's reader) only hands the work on and never runs it, so it never waits on the journal;
 * and work never waits for a thread that may not come: when the waiting thread takes one piece,
 * whatever else was handed to it goes to the fallback too, since the piece it runs may block
 * (a listener, a journal). Work a fallback refuses (the client is closing) is not dropped: it
 * goes back to whoever handed it on, to run where it is.
 *
 * <p>A blocking {@code execute()} thus costs one thread handoff per answer (reader to caller), as
 * a plain socket client does, instead of two (reader to worker to caller).
 *
 * <p>Threadsafe. One instance per thread ({@link #current}), lives as long as the thread.
 */
final class WaitingCaller {
  private static final ThreadLocal<WaitingCaller> MINE = ThreadLocal.withInitial(WaitingCaller::new);

  private final ArrayDeque<Handed> handed = new ArrayDeque<>();
  private final Thread owner = Thread.currentThread();
  /** Whether the owner is parked (or about to park) for work or its future; under the lock. */
  private boolean waiting;
  /**
   * How deep the owner is in {@link #sendThenAwait}'s sending part, after which it waits for
   * sure; only the owner touches it.
   */
  private int sendingBeforeAwait;

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

  /**
   * Sends with {@code send} and waits for what it returns, as {@link #awaitOnCurrentThread}.
   * Meanwhile {@link #awaitFollows} is true on this thread, so that an answer a transport gives
   * inside its send, on this very thread, is recorded right there ({@link EngineContext#send})
   * instead of being handed to the executor and waited for.
   */
  static <T> CompletableFuture<T> sendThenAwait(Supplier<CompletableFuture<T>> send)
      throws InterruptedException {
    WaitingCaller caller = MINE.get();
    CompletableFuture<T> sent;
    caller.sendingBeforeAwait++;
    try {
      sent = Futures.invoke(send);
    } finally {
      caller.sendingBeforeAwait--;
    }
    caller.runUntilDone(sent); // takes first whatever was left for it meanwhile
    return sent;
  }

  /** Whether the current thread is sending inside {@link #sendThenAwait}, which waits next. */
  static boolean awaitFollows() {
    return MINE.get().sendingBeforeAwait > 0;
  }

  private void offer(Runnable work, Executor fallback) {
    Handed item = new Handed(work, fallback);
    boolean ownerWaits;
    synchronized (this) {
      handed.removeIf(Handed::isTaken); // run by the fallback already
      handed.add(item);
      ownerWaits = waiting;
    }
    if (ownerWaits) {
      LockSupport.unpark(owner);
    } else {
      handToFallback(item, true);
    }
  }

  /**
   * Gives {@code item} to its fallback too (whoever takes it first runs it). When the fallback
   * refuses (the client is closing) and the owner did not take it meanwhile, the refusal goes to
   * the caller when {@code rethrow} (who runs it or not); otherwise (the owner handing on what it
   * will not wait for) it runs here, on the owner, rather than being dropped.
   */
  private void handToFallback(Handed item, boolean rethrow) {
    if (!item.markHandedOn()) {
      return; // its fallback has it already
    }
    try {
      item.fallback.execute(item);
    } catch (RejectedExecutionException refused) {
      if (!item.take()) {
        return; // the waiting thread took it meanwhile and runs it
      }
      synchronized (this) {
        handed.remove(item);
      }
      if (rethrow) {
        throw refused;
      }
      item.runTaken(); // the owner hands on what it cannot wait for; the client is closing: run it
    }
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
   * future} is done and nothing is left to take. Waits parked (one futex wake per answer, no
   * monitor to re-enter); whoever hands work or completes the future unparks it.
   */
  private Handed next(CompletableFuture<?> future) throws InterruptedException {
    Handed next = null;
    List<Handed> others = List.of();
    InterruptedException stopped = null;
    try {
      while (next == null) {
        synchronized (this) {
          Handed item;
          while (next == null && (item = handed.poll()) != null) {
            if (item.take()) {
              next = item;
            }
          }
          if (next != null) {
            // The rest must not wait for this thread, which may block in the work it runs: they
            // go to their fallbacks too (and stay here, for this thread if it comes back first).
            // Cleared under the lock that decided: work offered from now on goes to the fallback.
            waiting = false;
            others = handed.isEmpty() ? List.of() : new ArrayList<>(handed);
            break;
          }
          if (future.isDone()) {
            waiting = false;
            return null;
          }
          waiting = true; // from here on work is handed to this thread, which unparks it
        }
        LockSupport.park(this);
        if (Thread.interrupted()) {
          throw new InterruptedException("interrupted while waiting for the host's answer");
        }
      }
    } catch (InterruptedException interrupted) {
      stopped = interrupted;
      synchronized (this) {
        waiting = false;
        others = new ArrayList<>(handed);
        handed.clear();
      }
    } finally {
      synchronized (this) {
        waiting = false; // a safety net: every way out above clears it under its own lock
      }
    }
    for (Handed item : others) {
      handToFallback(item, false); // runs only if nobody took it
    }
    if (stopped != null) {
      throw stopped;
    }
    return next;
  }

  private void wake() {
    boolean ownerWaits;
    synchronized (this) {
      ownerWaits = waiting;
    }
    if (ownerWaits) {
      LockSupport.unpark(owner);
    }
  }

  /** Work that whoever takes it first runs: the waiting thread or the fallback executor. */
  private static final class Handed implements Runnable {
    private final AtomicBoolean taken = new AtomicBoolean();
    private final AtomicBoolean handedOn = new AtomicBoolean();
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

    /** True the first time only: the fallback is given it once. */
    boolean markHandedOn() {
      return handedOn.compareAndSet(false, true);
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
