package io.escrowkit.iso8583;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The readings of the channel's answers (MAC check and interpretation, which run after the channel
 * delivered the answer, on the thread waiting for it) that have not ended: a sign-on again waits
 * for those of answers already delivered, so that none is checked with the keys the sign-on loads.
 * A request is counted from before it is sent, so an answer that comes before the sender got its
 * future back is counted too. Threadsafe.
 */
final class AnswersBeingRead {
  private final Set<Reading> open = ConcurrentHashMap.newKeySet();

  /** One request's answer and its reading, counted until the reading ends. */
  final class Reading {
    private volatile CompletableFuture<?> answer; // null until the send returned it
    private final CompletableFuture<Void> read = new CompletableFuture<>();

    /** The answer the send returned, and its reading: counted until that ends. */
    <T> CompletableFuture<T> of(CompletableFuture<?> delivered, CompletableFuture<T> reading) {
      answer = delivered;
      reading.whenComplete((outcome, error) -> ended());
      return reading;
    }

    /** Not sent after all, or read: no longer counted. */
    void ended() {
      open.remove(this);
      read.complete(null);
    }

    /** Delivered (or perhaps delivered: the send has not returned yet) and not read yet. */
    private boolean isDeliveredUnread() {
      CompletableFuture<?> delivered = answer;
      return (delivered == null || delivered.isDone()) && !read.isDone();
    }
  }

  /** Counts a request about to be sent. */
  Reading beforeSending() {
    Reading reading = new Reading();
    open.add(reading);
    return reading;
  }

  /** Completes once every answer delivered by now has been read. */
  CompletableFuture<?> ofDeliveredAnswers() {
    List<CompletableFuture<?>> unread = new ArrayList<>();
    for (Reading each : open) {
      if (each.isDeliveredUnread()) {
        unread.add(each.read);
      }
    }
    return CompletableFuture.allOf(unread.toArray(new CompletableFuture<?>[0]));
  }
}
