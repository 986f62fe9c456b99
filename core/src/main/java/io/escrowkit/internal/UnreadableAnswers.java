package io.escrowkit.internal;

import io.escrowkit.spi.TransportOutcome;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many answers in a row said that the host cannot read a work item's message: 30 (format
 * error) and UnionPay's 99 (PIN block format error). Such an answer may come from trouble that
 * passes at the host, so the work goes again; but it goes unchanged, so after {@link #FINAL_AFTER}
 * in a row the answer is final rather than sent again for ever. Only reversals and a remainder's
 * cancel are bounded so: their final states (REVERSAL_REFUSED, "remainder NOT released") tell an
 * operator the truth whatever the host did, while a forwarded request or an advice taken as
 * refused after a lost answer could be collected or refunded twice.
 *
 * <p>Kept in memory, by this client: after a restart, or on another instance, the count starts
 * again, so the bound comes later, never sooner. Threadsafe.
 */
final class UnreadableAnswers {
  /** How many answers in a row that the host cannot read the message are final. */
  static final int FINAL_AFTER = 3;

  private static final Set<String> UNREADABLE = Set.of("30", "99");

  private final Map<String, Integer> inARow = new ConcurrentHashMap<>();

  /**
   * Counts {@code outcome}, the answer to the item {@code itemId}: whether it is the last of
   * {@link #FINAL_AFTER} in a row saying the host cannot read the message. Any other answer, or
   * none, starts the count again.
   */
  boolean finalFor(String itemId, TransportOutcome outcome) {
    if (!outcome.responseCode().filter(UNREADABLE::contains).isPresent()) {
      inARow.remove(itemId);
      return false;
    }
    int count = inARow.merge(itemId, 1, Integer::sum);
    if (count < FINAL_AFTER) {
      return false;
    }
    inARow.remove(itemId);
    return true;
  }

  /** The item ended: nothing to keep for it. */
  void forget(String itemId) {
    inARow.remove(itemId);
  }
}
