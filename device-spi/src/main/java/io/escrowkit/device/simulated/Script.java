package io.escrowkit.device.simulated;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * What a simulated person does next: queued answers first, then the fallback answer if one is set.
 * Threadsafe.
 */
final class Script<T> {

  private final Deque<T> queued = new ArrayDeque<>();
  private T fallback;

  synchronized void add(T answer) {
    queued.addLast(Objects.requireNonNull(answer, "answer"));
  }

  @SafeVarargs
  final synchronized void addAll(T... answers) {
    for (T answer : answers) {
      add(answer);
    }
  }

  synchronized void fallback(T answer) {
    fallback = Objects.requireNonNull(answer, "answer");
  }

  synchronized Optional<T> next() {
    T answer = queued.pollFirst();
    return Optional.ofNullable(answer != null ? answer : fallback);
  }
}
