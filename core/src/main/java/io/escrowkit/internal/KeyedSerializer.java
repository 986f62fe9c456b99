package io.escrowkit.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one at a time per key (per escrow), in submission order, without
 * blocking a thread while a task waits on the network. Different keys run in parallel. Threadsafe.
 */
public final class KeyedSerializer {
  private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();

  public <T> CompletableFuture<T> submit(String key, Supplier<CompletableFuture<T>> task) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> previous;
    synchronized (this) {
      previous = tails.put(key, mine);
    }
    CompletableFuture<Void> start =
        previous == null ? CompletableFuture.completedFuture(null) : previous;
    CompletableFuture<T> result = start.thenCompose(ignored -> Futures.invoke(task));
    result.whenComplete((value, error) -> {
      synchronized (this) {
        tails.remove(key, mine);
      }
      mine.complete(null);
    });
    return result;
  }

  /** Number of keys with work queued or running (for tests and diagnostics). */
  public synchronized int busyKeys() {
    return tails.size();
  }
}
