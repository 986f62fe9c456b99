package io.escrowkit.memory;

import io.escrowkit.Money;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory host's own books, per escrow: what it holds, captured, refunded, and whether the
 * hold was released or reversed. Tests compare it with the client's view. Threadsafe.
 */
public final class HostLedger {

  /** One escrow as the host sees it. Immutable. */
  public record Entry(
      Money held, Money captured, Money refunded, boolean released, boolean reversed) {

    /** True while the host keeps funds frozen on the card for this escrow. */
    public boolean holdActive() {
      return !released && !reversed && held.isGreaterThan(captured);
    }
  }

  private final Map<String, Entry> entries = new HashMap<>();

  public synchronized Optional<Entry> entry(String escrowId) {
    return Optional.ofNullable(entries.get(escrowId));
  }

  /** The sum captured across all escrows in minor units (one currency per test). */
  public synchronized long capturedMinorUnits() {
    long sum = 0;
    for (Entry entry : entries.values()) {
      sum = Math.addExact(sum, entry.captured().minorUnits());
    }
    return sum;
  }

  synchronized void hold(String escrowId, Money amount) {
    Money zero = Money.zero(amount.currency());
    entries.put(escrowId, new Entry(amount, zero, zero, false, false));
  }

  synchronized void update(String escrowId, java.util.function.UnaryOperator<Entry> change) {
    Entry entry = entries.get(escrowId);
    if (entry != null) {
      entries.put(escrowId, change.apply(entry));
    }
  }

  synchronized boolean has(String escrowId) {
    return entries.containsKey(escrowId);
  }
}
