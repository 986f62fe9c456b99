package io.escrowkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WaitingCallerTest {

  /** Records what it was given to run, without running it. */
  private static final class Kept implements Executor {
    final List<Runnable> given = new CopyOnWriteArrayList<>();

    @Override
    public void execute(Runnable work) {
      given.add(work);
    }
  }

  /** A thread that binds an executor to itself, then waits for {@code awaited}. */
  private static final class Sender {
    final Thread thread;
    final CompletableFuture<Executor> bound = new CompletableFuture<>();
    final CompletableFuture<Throwable> interrupted = new CompletableFuture<>();
    private final CompletableFuture<WaitingCaller> caller = new CompletableFuture<>();

    Sender(Executor fallback, CompletableFuture<?> awaited) {
      thread =
          new Thread(
              () -> {
                bound.complete(WaitingCaller.current(fallback));
                caller.complete(WaitingCaller.ofCurrentThread());
                try {
                  WaitingCaller.awaitOnCurrentThread(awaited);
                } catch (InterruptedException e) {
                  interrupted.complete(e);
                }
              });
      thread.start();
    }

    /** Returns once the thread waits (spins: the wait is entered within microseconds). */
    Sender waiting() {
      WaitingCaller mine = caller.join();
      while (!mine.isWaiting()) {
        Thread.onSpinWait();
      }
      return this;
    }

    boolean stillWaiting() {
      return caller.join().isWaiting();
    }
  }

  @Test
  void workOfferedWhileTheSenderWaitsRunsOnTheSender() throws Exception {
    Kept fallback = new Kept();
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    Sender sender = new Sender(fallback, done).waiting();

    sender.bound.join().execute(() -> {
      ranOn.set(Thread.currentThread());
      done.complete(null);
    });
    sender.thread.join();

    assertThat(ranOn.get()).isSameAs(sender.thread);
    assertThat(fallback.given).isEmpty();
  }

  @Test
  void workOfferedWhileNobodyWaitsGoesToTheFallback() {
    Kept fallback = new Kept();
    Executor bound = WaitingCaller.current(fallback);
    AtomicInteger runs = new AtomicInteger();

    bound.execute(runs::incrementAndGet);
    fallback.given.forEach(Runnable::run);

    assertThat(fallback.given).hasSize(1);
    assertThat(runs).hasValue(1);
  }

  @Test
  void workTheFallbackHasNotRunYetIsRunByTheSenderWhenItStartsWaiting() throws Exception {
    Kept fallback = new Kept();
    Executor bound = WaitingCaller.current(fallback);
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    bound.execute(() -> {
      ranOn.set(Thread.currentThread());
      done.complete(null);
    });

    WaitingCaller.awaitOnCurrentThread(done);
    fallback.given.forEach(Runnable::run); // too late: already run

    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    assertThat(done).isDone();
    assertThat(fallback.given).hasSize(1);
  }

  @Test
  void workTheFallbackRanIsNotRunAgainByTheSender() throws Exception {
    Kept fallback = new Kept();
    Executor bound = WaitingCaller.current(fallback);
    AtomicInteger runs = new AtomicInteger();
    bound.execute(runs::incrementAndGet);
    fallback.given.forEach(Runnable::run);

    WaitingCaller.awaitOnCurrentThread(CompletableFuture.completedFuture("done"));

    assertThat(runs).hasValue(1);
  }

  @Test
  void aFutureCompletedElsewhereEndsTheWait() throws Exception {
    CompletableFuture<String> answer = new CompletableFuture<>();
    Sender sender = new Sender(new Kept(), answer).waiting();

    answer.complete("from another thread");
    sender.thread.join();

    assertThat(sender.stillWaiting()).isFalse();
    assertThat(sender.interrupted).isNotDone();
  }

  @Test
  void anInterruptEndsTheWaitAndLaterWorkGoesToTheFallback() throws Exception {
    Kept fallback = new Kept();
    Sender sender = new Sender(fallback, new CompletableFuture<>()).waiting();

    sender.thread.interrupt();
    sender.thread.join();
    AtomicInteger runs = new AtomicInteger();
    sender.bound.join().execute(runs::incrementAndGet);
    fallback.given.forEach(Runnable::run);

    assertThat(sender.interrupted.join()).isInstanceOf(InterruptedException.class);
    assertThat(runs).hasValue(1);
  }

  @Test
  void workHandedBehindWorkThatBlocksGoesToTheFallbackToo() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<Void> done = new CompletableFuture<>();
      CompletableFuture<Thread> secondRanOn = new CompletableFuture<>();
      Sender sender = new Sender(pool, done).waiting();
      Executor bound = sender.bound.join();
      synchronized (sender.caller.join()) { // both are handed before the sender can take either
        bound.execute(() -> {
          secondRanOn.join(); // the first blocks until the second ran
          done.complete(null);
        });
        bound.execute(() -> secondRanOn.complete(Thread.currentThread()));
      }

      sender.thread.join(10_000);

      assertThat(sender.thread.isAlive()).as("the sender is stuck behind its own work").isFalse();
      assertThat(secondRanOn.join()).isNotSameAs(sender.thread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void workAFallbackRefusesIsDroppedNotRunLater() throws Exception {
    Executor closed = work -> {
      throw new RejectedExecutionException("client closed");
    };
    Executor bound = WaitingCaller.current(closed);
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(() -> bound.execute(runs::incrementAndGet))
        .isInstanceOf(RejectedExecutionException.class);
    WaitingCaller.awaitOnCurrentThread(CompletableFuture.completedFuture("next client's"));

    assertThat(runs).hasValue(0);
  }

  @Test
  void awaitRethrowsTheFailureUnwrapped() {
    IllegalStateException failure = new IllegalStateException("journal full");

    assertThatThrownBy(() -> Futures.await(Futures.failed(failure))).isSameAs(failure);
  }

  @Test
  void anAnswerGivenOnTheSendersThreadBeforeItWaitsGoesToTheFallback() {
    Kept fallback = new Kept();

    CompletableFuture.completedFuture("00")
        .thenApplyAsync(code -> code, WaitingCaller.current(fallback));

    assertThat(fallback.given).hasSize(1);
  }

  /**
   * Work offered just as the wait ends (woken because its future is done, nothing left to take)
   * must reach the fallback: once the thread has decided to leave, nobody may count on it. Many
   * rounds, the offer landing at a random point of the wait's way out.
   */
  @Test
  void workOfferedAsTheWaitEndsIsNeverLeftForAThreadThatLeft() throws Exception {
    java.util.Random jitter = new java.util.Random(7);
    for (int round = 0; round < 5_000; round++) {
      Kept fallback = new Kept();
      CompletableFuture<Void> done = new CompletableFuture<>();
      AtomicInteger runs = new AtomicInteger();
      Sender sender = new Sender(fallback, done).waiting();
      Executor bound = sender.bound.join();
      int spins = jitter.nextInt(2_000);

      done.complete(null);
      for (int i = 0; i < spins; i++) {
        Thread.onSpinWait();
      }
      bound.execute(runs::incrementAndGet);
      sender.thread.join();
      fallback.given.forEach(Runnable::run);

      assertThat(runs).as("round %d: the work ran exactly once", round).hasValue(1);
    }
  }

  /**
   * The client closing (its executor refuses) while a thread waits for two answers, as a hold
   * that first settles two owed reversals does: the thread takes one answer and hands the other
   * on, to an executor that refuses. It must run it rather than drop it, or the wait never ends.
   */
  @Test
  void workHandedOnWhileTheClientClosesStillRunsAndTheWaitEnds() throws Exception {
    Executor refusing = work -> {
      throw new RejectedExecutionException("client closed");
    };
    int hung = 0;
    for (int round = 0; round < 200; round++) {
      CompletableFuture<Void> first = new CompletableFuture<>();
      CompletableFuture<Void> second = new CompletableFuture<>();
      CompletableFuture<Void> both = CompletableFuture.allOf(first, second);
      java.util.concurrent.BlockingQueue<Executor> recorders =
          new java.util.concurrent.ArrayBlockingQueue<>(1);
      Thread owner = new Thread(() -> {
        Executor mine = WaitingCaller.current(refusing);
        recorders.add(work -> { // as EngineContext runs refused work where it is
          try {
            mine.execute(work);
          } catch (RejectedExecutionException closing) {
            work.run();
          }
        });
        try {
          WaitingCaller.awaitOnCurrentThread(both);
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
        }
      });
      owner.start();
      Executor recorder = recorders.take();
      while (owner.getState() != Thread.State.WAITING) {
        Thread.yield(); // until the owner parks: both answers then find it waiting
      }
      recorder.execute(() -> first.complete(null));
      recorder.execute(() -> second.complete(null));
      owner.join(10_000);
      if (owner.isAlive()) {
        hung++;
        owner.interrupt();
        owner.join();
      }
    }
    assertThat(hung).as("rounds whose wait never ended").isZero();
  }
}
