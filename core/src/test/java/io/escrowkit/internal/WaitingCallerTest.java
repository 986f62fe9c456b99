package io.escrowkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
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
    Runnable work = () -> {};

    bound.execute(work);

    assertThat(fallback.given).containsExactly(work);
  }

  @Test
  void workOfferedAfterTheWaitEndedGoesToTheFallback() throws Exception {
    Kept fallback = new Kept();
    Executor bound = WaitingCaller.current(fallback);
    WaitingCaller.awaitOnCurrentThread(CompletableFuture.completedFuture("done"));
    Runnable work = () -> {};

    bound.execute(work);

    assertThat(fallback.given).containsExactly(work);
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
    Runnable work = () -> {};
    sender.bound.join().execute(work);

    assertThat(sender.interrupted.join()).isInstanceOf(InterruptedException.class);
    assertThat(fallback.given).containsExactly(work);
  }

  @Test
  void awaitRethrowsTheFailureUnwrapped() {
    IllegalStateException failure = new IllegalStateException("journal full");

    assertThatThrownBy(() -> Futures.await(Futures.failed(failure))).isSameAs(failure);
  }
}
