package io.escrowkit.internal;

import io.escrowkit.EscrowkitException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Small CompletableFuture helpers that also exist on Android API 26. */
public final class Futures {
  private Futures() {}

  public static <T> CompletableFuture<T> failed(Throwable error) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.completeExceptionally(error);
    return future;
  }

  /** Runs {@code task}, turning a thrown exception into a failed future. */
  public static <T> CompletableFuture<T> invoke(Supplier<CompletableFuture<T>> task) {
    try {
      return task.get();
    } catch (RuntimeException | Error e) {
      return failed(e);
    }
  }

  /**
   * Waits for {@code future}; rethrows the SDK's own exceptions unwrapped. Meanwhile the current
   * thread records the answers to the requests it sent ({@link WaitingCaller}).
   */
  public static <T> T await(CompletableFuture<T> future) {
    return waitFor(() -> {
      WaitingCaller.awaitOnCurrentThread(future);
      return future;
    });
  }

  /**
   * Runs {@code send} and waits for the future it returns, as {@link #await}; an answer the
   * transport gives inside its send, on this thread, is recorded at once, without a handoff to the
   * executor.
   */
  public static <T> T sendAndAwait(Supplier<CompletableFuture<T>> send) {
    return waitFor(() -> WaitingCaller.sendThenAwait(send));
  }

  /** A wait that ends with its future done, or is interrupted. */
  private interface Wait<T> {
    CompletableFuture<T> done() throws InterruptedException;
  }

  private static <T> T waitFor(Wait<T> wait) {
    try {
      return wait.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EscrowkitException("interrupted while waiting for the escrow operation", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  public static RuntimeException unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new EscrowkitException("escrow operation failed: " + cause, cause);
  }
}
