package io.escrowkit.simulator.functional;

import io.escrowkit.EscrowListener;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A listener that lets a test wait for an escrow's transitions without sleeping: it keeps each
 * escrow's events and completes waiters as matching events arrive. Threadsafe.
 */
final class EscrowEvents implements EscrowListener {
  private record Waiter(
      Predicate<TransitionEvent> match, CompletableFuture<TransitionEvent> done) {}

  private final Map<String, List<TransitionEvent>> events = new ConcurrentHashMap<>();
  private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();
  private final List<Waiter> anyWaiters = new ArrayList<>();

  @Override
  public void onTransition(TransitionEvent event) {
    List<Waiter> matched = new ArrayList<>();
    synchronized (this) {
      events.computeIfAbsent(event.escrowId(), id -> new ArrayList<>()).add(event);
      List<Waiter> pending = waiters.get(event.escrowId());
      if (pending != null) {
        pending.removeIf(w -> w.match().test(event) && matched.add(w));
        if (pending.isEmpty()) {
          waiters.remove(event.escrowId());
        }
      }
      anyWaiters.removeIf(w -> w.match().test(event) && matched.add(w));
    }
    matched.forEach(w -> w.done().complete(event));
  }

  /**
   * Completes with the first event (seen already or to come) past {@code version} by which the
   * escrow left {@code state}.
   */
  CompletableFuture<TransitionEvent> leaving(String escrowId, EscrowState state, long version) {
    return when(escrowId, e -> e.version() > version && e.from().filter(state::equals).isPresent());
  }

  /** Completes with the next event, of any escrow, that takes an escrow out of {@code state}. */
  CompletableFuture<TransitionEvent> nextLeaving(EscrowState state) {
    CompletableFuture<TransitionEvent> done = new CompletableFuture<>();
    synchronized (this) {
      anyWaiters.add(new Waiter(e -> e.from().filter(state::equals).isPresent(), done));
    }
    return done;
  }

  /**
   * Waits (at most {@code limit}) until the escrow has left {@code state} after {@code version}.
   */
  TransitionEvent awaitLeaving(String escrowId, EscrowState state, long version, Duration limit) {
    try {
      return leaving(escrowId, state, version).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError(
          "escrow "
              + escrowId
              + " did not leave "
              + state
              + " within "
              + limit
              + "; events: "
              + eventsOf(escrowId),
          e);
    }
  }

  /** Waits (at most {@code limit}) for an event of the escrow whose cause contains {@code text}. */
  TransitionEvent awaitCause(String escrowId, String text, Duration limit) {
    try {
      return when(escrowId, e -> e.cause().contains(text))
          .get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("escrow " + escrowId + " had no event saying '" + text
          + "' within " + limit + "; events: " + eventsOf(escrowId), e);
    }
  }

  synchronized List<TransitionEvent> eventsOf(String escrowId) {
    return List.copyOf(events.getOrDefault(escrowId, List.of()));
  }

  private CompletableFuture<TransitionEvent> when(
      String escrowId, Predicate<TransitionEvent> match) {
    CompletableFuture<TransitionEvent> done = new CompletableFuture<>();
    synchronized (this) {
      for (TransitionEvent seen : events.getOrDefault(escrowId, List.of())) {
        if (match.test(seen)) {
          done.complete(seen);
          return done;
        }
      }
      waiters.computeIfAbsent(escrowId, id -> new ArrayList<>()).add(new Waiter(match, done));
    }
    return done;
  }
}
