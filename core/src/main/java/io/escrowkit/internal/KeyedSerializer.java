package io.escrowkit.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one at a time per key (per escrow), in submission order, without
 * blocking a thread while a task waits on the network. Different keys run in parallel. Threadsafe.
 */
public final class KeyedSerializer {
  private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();
  private final Executor executor;

  /**
   * @param executor runs a task that had to wait for its turn, so a long queue of tasks that end at
   *     once never completes one inside another on one thread's stack
   */
  public KeyedSerializer(Executor executor) {
    this.executor = executor;
  }

  public <T> CompletableFuture<T> submit(String key, Supplier<CompletableFuture<T>> task) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> previous;
    synchronized (this) {
      previous = tails.put(key, mine);
    }
    CompletableFuture<T> result = previous == null
        ? Futures.invoke(task)
        : previous.thenComposeAsync(ignored -> Futures.invoke(task), executor);
    result.whenComplete((value, error) -> {
      synchronized (this) {
        tails.remove(key, mine);
      }
      mine.complete(null);
    });
    return result;
  }
}
