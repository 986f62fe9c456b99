package io.escrowkit.testing;

import io.escrowkit.EscrowListener;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A listener that lets a test wait for an escrow to reach a state, without sleeping: it records
 * every event and completes waiters as matching events arrive. Threadsafe.
 */
public final class StateWaiter implements EscrowListener {
  private record Waiter(Predicate<TransitionEvent> match, CompletableFuture<TransitionEvent> done) {}

  private final List<TransitionEvent> events = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();

  @Override
  public synchronized void onTransition(TransitionEvent event) {
    events.add(event);
    waiters.removeIf(w -> w.match().test(event) && w.done().complete(event));
  }

  public synchronized List<TransitionEvent> events() {
    return List.copyOf(events);
  }

  /** Waits (at most {@code limit}) until {@code escrowId} has entered {@code state}. */
  public TransitionEvent awaitState(String escrowId, EscrowState state, Duration limit) {
    return await(e -> e.escrowId().equals(escrowId) && e.to() == state,
        "escrow " + escrowId + " did not reach " + state, escrowId, limit);
  }

  /** Waits (at most {@code limit}) until {@code escrowId} has left {@code state}. */
  public TransitionEvent awaitLeaving(String escrowId, EscrowState state, Duration limit) {
    return await(e -> e.escrowId().equals(escrowId) && e.from().equals(java.util.Optional.of(state)),
        "escrow " + escrowId + " did not leave " + state, escrowId, limit);
  }

  /** Waits (at most {@code limit}) for an event of {@code escrowId} whose cause contains {@code text}. */
  public TransitionEvent awaitCause(String escrowId, String text, Duration limit) {
    return await(e -> e.escrowId().equals(escrowId) && e.cause().contains(text),
        "escrow " + escrowId + " had no event saying '" + text + "'", escrowId, limit);
  }

  private TransitionEvent await(
      Predicate<TransitionEvent> match, String failure, String escrowId, Duration limit) {
    CompletableFuture<TransitionEvent> done = new CompletableFuture<>();
    synchronized (this) {
      for (TransitionEvent seen : events) {
        if (match.test(seen)) {
          return seen;
        }
      }
      waiters.add(new Waiter(match, done));
    }
    try {
      return done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError(failure + " within " + limit + "; events: " + eventsOf(escrowId), e);
    }
  }

  public synchronized List<TransitionEvent> eventsOf(String escrowId) {
    List<TransitionEvent> found = new ArrayList<>();
    for (TransitionEvent event : events) {
      if (event.escrowId().equals(escrowId)) {
        found.add(event);
      }
    }
    return found;
  }
}
