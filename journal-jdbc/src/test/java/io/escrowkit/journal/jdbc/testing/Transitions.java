package io.escrowkit.journal.jdbc.testing;

import io.escrowkit.EscrowListener;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Listens to a client's transitions so a test can wait for one (never by sleeping): a wait
 * completes when a matching transition has arrived, before or after the wait began. Threadsafe.
 */
public final class Transitions implements EscrowListener {
  private final List<TransitionEvent> seen = new ArrayList<>();
  private final List<Wait> waits = new ArrayList<>();

  private record Wait(Predicate<TransitionEvent> match, CompletableFuture<TransitionEvent> done) {}

  @Override
  public synchronized void onTransition(TransitionEvent event) {
    seen.add(event);
    waits.removeIf(wait -> wait.match().test(event) && wait.done().complete(event));
  }

  /** Waits at most {@code limit} for {@code escrowId} to enter {@code state}. */
  public TransitionEvent awaitState(String escrowId, EscrowState state, Duration limit) {
    return await(
        e -> e.escrowId().equals(escrowId) && e.to() == state,
        limit,
        escrowId + " entering " + state);
  }

  public TransitionEvent await(Predicate<TransitionEvent> match, Duration limit, String what) {
    Wait wait = new Wait(match, new CompletableFuture<>());
    synchronized (this) {
      for (TransitionEvent event : seen) {
        if (match.test(event)) {
          return event;
        }
      }
      waits.add(wait);
    }
    try {
      return wait.done().get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new AssertionError("no transition " + what + " within " + limit + "; saw " + seen(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + what, e);
    }
  }

  public synchronized List<TransitionEvent> seen() {
    return List.copyOf(seen);
  }
}
