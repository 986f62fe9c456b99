package io.escrowkit.iso8583;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The readings of the channel's answers (MAC check and interpretation, which run after the channel
 * delivered the answer, on the thread waiting for it) that have not ended: a sign-on again waits
 * for those of answers already delivered, so that none is checked with the keys the sign-on loads.
 * Threadsafe.
 */
final class AnswersBeingRead {
  /** Each answer awaited, with its reading. */
  private final Map<CompletableFuture<?>, CompletableFuture<?>> open = new ConcurrentHashMap<>();

  /** Keeps {@code reading}, the reading of {@code answer}, until it ends; returns it. */
  <T> CompletableFuture<T> track(CompletableFuture<?> answer, CompletableFuture<T> reading) {
    open.put(answer, reading);
    reading.whenComplete((read, error) -> open.remove(answer));
    return reading;
  }

  /** Completes once every answer delivered by now has been read. */
  CompletableFuture<?> ofDeliveredAnswers() {
    List<CompletableFuture<?>> unread = new ArrayList<>();
    for (Map.Entry<CompletableFuture<?>, CompletableFuture<?>> each : open.entrySet()) {
      if (each.getKey().isDone() && !each.getValue().isDone()) {
        unread.add(each.getValue());
      }
    }
    return CompletableFuture.allOf(unread.toArray(new CompletableFuture<?>[0]));
  }
}
