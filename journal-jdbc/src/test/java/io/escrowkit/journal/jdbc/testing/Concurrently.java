package io.escrowkit.journal.jdbc.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs workers on their own threads, started together, and gathers what they return. */
public final class Concurrently {
  /** One worker's task; {@code worker} is its number, 0 to n-1. */
  @FunctionalInterface
  public interface Worker<T> {
    List<T> run(int worker) throws Exception;
  }

  private Concurrently() {}

  public static <T> List<T> collect(int workers, Worker<T> task) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(workers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        int worker = i;
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return task.run(worker);
                }));
      }
      start.countDown();
      List<T> all = new ArrayList<>();
      for (Future<List<T>> future : futures) {
        all.addAll(future.get(2, TimeUnit.MINUTES));
      }
      return all;
    } finally {
      threads.shutdownNow();
    }
  }
}
