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

  @Test
  void workOfferedWhileTheSenderWaitsRunsOnTheSender() throws Exception {
    Kept fallback = new Kept();
    CompletableFuture<Void> done = new CompletableFuture<>();
    CompletableFuture<Executor> bound = new CompletableFuture<>();
    CompletableFuture<WaitingCaller> caller = new CompletableFuture<>();
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    Thread sender =
        new Thread(
            () -> {
              bound.complete(WaitingCaller.current(fallback));
              caller.complete(WaitingCaller.ofCurrentThread());
              try {
                WaitingCaller.awaitOnCurrentThread(done);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    sender.start();
    awaitWaiting(caller.join());

    bound.join()
        .execute(
            () -> {
              ranOn.set(Thread.currentThread());
              done.complete(null);
            });
    sender.join();

    assertThat(ranOn.get()).isSameAs(sender);
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
    CompletableFuture<WaitingCaller> caller = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              caller.complete(WaitingCaller.ofCurrentThread());
              try {
                WaitingCaller.awaitOnCurrentThread(answer);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    waiter.start();
    awaitWaiting(caller.join());

    answer.complete("from another thread");
    waiter.join();

    assertThat(caller.join().isWaiting()).isFalse();
  }

  @Test
  void anInterruptEndsTheWaitAndLaterWorkGoesToTheFallback() throws Exception {
    Kept fallback = new Kept();
    CompletableFuture<Executor> bound = new CompletableFuture<>();
    CompletableFuture<WaitingCaller> caller = new CompletableFuture<>();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              bound.complete(WaitingCaller.current(fallback));
              caller.complete(WaitingCaller.ofCurrentThread());
              try {
                WaitingCaller.awaitOnCurrentThread(new CompletableFuture<>());
              } catch (InterruptedException e) {
                thrown.complete(e);
              }
            });
    waiter.start();
    awaitWaiting(caller.join());

    waiter.interrupt();
    waiter.join();
    Runnable work = () -> {};
    bound.join().execute(work);

    assertThat(thrown.join()).isInstanceOf(InterruptedException.class);
    assertThat(fallback.given).containsExactly(work);
  }

  @Test
  void awaitRethrowsTheFailureUnwrapped() {
    IllegalStateException failure = new IllegalStateException("journal full");

    assertThatThrownBy(() -> Futures.await(Futures.failed(failure))).isSameAs(failure);
  }

  private static void awaitWaiting(WaitingCaller caller) {
    while (!caller.isWaiting()) {
      Thread.onSpinWait();
    }
  }
}
