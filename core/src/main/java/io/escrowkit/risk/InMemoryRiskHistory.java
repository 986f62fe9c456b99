package io.escrowkit.risk;

import io.escrowkit.Money;
import io.escrowkit.risk.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RiskHistory} kept in memory, indexed by card and by merchant. This class is threadsafe
 * (every method holds the instance lock).
 *
 * <p>Bounded two ways, both enforced on {@link #record}: records more than {@code retention} older
 * than the hold being recorded are pruned, and beyond {@code maxRecords} the oldest are dropped.
 * A hold stamped more than {@code retention} after the previous one prunes by size only: one hold
 * from a clock that jumped ahead does not drop every card's history.
 * Pruning walks in recording order, so a hold recorded late with an old timestamp leaves only when
 * the records before it have. Dropping for the size cap loses history that limits would have
 * counted: size {@code maxRecords} above the volume expected within {@code retention}.
 */
public final class InMemoryRiskHistory implements RiskHistory {

  /** Two days: covers a daily limit in any zone. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(2);

  public static final int DEFAULT_MAX_RECORDS = 100_000;

  private final Duration retention;
  private final int maxRecords;
  private final ArrayDeque<RiskContext> inRecordingOrder = new ArrayDeque<>();
  private final Map<String, ArrayDeque<RiskContext>> byCard = new HashMap<>();
  private final Map<String, ArrayDeque<RiskContext>> byMerchant = new HashMap<>();
  /** The time of the hold recorded last; null before the first. */
  private Instant previous;

  /** A history with {@link #DEFAULT_RETENTION} and {@link #DEFAULT_MAX_RECORDS}. */
  public InMemoryRiskHistory() {
    this(DEFAULT_RETENTION, DEFAULT_MAX_RECORDS);
  }

  public InMemoryRiskHistory(Duration retention, int maxRecords) {
    this.retention = Checks.requireWindow(retention, "retention");
    if (maxRecords < 1) {
      throw new RiskException("maxRecords must be at least 1, got " + maxRecords);
    }
    this.maxRecords = maxRecords;
  }

  @Override
  public synchronized void record(RiskContext acceptedHold) {
    Objects.requireNonNull(acceptedHold, "acceptedHold");
    inRecordingOrder.addLast(acceptedHold);
    byCard.computeIfAbsent(acceptedHold.cardToken(), k -> new ArrayDeque<>()).addLast(acceptedHold);
    byMerchant
        .computeIfAbsent(acceptedHold.merchantId(), k -> new ArrayDeque<>())
        .addLast(acceptedHold);
    Instant at = acceptedHold.at();
    // A hold stamped more than the retention after the one before is a clock that jumped (an NTP
    // step, a bad clock) as likely as a long pause: pruning by its time would drop every card's
    // records at once, so only the size bound applies until the next hold confirms the time.
    boolean plausible = previous == null || !at.isAfter(previous.plus(retention));
    previous = at;
    prune(plausible ? at.minus(retention) : Instant.MIN);
  }

  @Override
  public synchronized boolean forget(RiskContext hold) {
    Objects.requireNonNull(hold, "hold");
    if (!inRecordingOrder.removeFirstOccurrence(hold)) {
      return false;
    }
    removeFromIndex(byCard, hold.cardToken(), hold);
    removeFromIndex(byMerchant, hold.merchantId(), hold);
    return true;
  }

  @Override
  public synchronized List<RiskContext> forCard(String cardToken, Instant from, Instant until) {
    Objects.requireNonNull(cardToken, "cardToken");
    requireRange(from, until);
    List<RiskContext> found = new ArrayList<>();
    for (RiskContext hold : byCard.getOrDefault(cardToken, new ArrayDeque<>())) {
      if (within(hold, from, until)) {
        found.add(hold);
      }
    }
    return Collections.unmodifiableList(found);
  }

  @Override
  public synchronized Money totalForMerchant(
      String merchantId, Currency currency, Instant from, Instant until) {
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(currency, "currency");
    requireRange(from, until);
    Money total = Money.zero(currency);
    for (RiskContext hold : byMerchant.getOrDefault(merchantId, new ArrayDeque<>())) {
      if (hold.amount().currency().equals(currency) && within(hold, from, until)) {
        total = total.plus(hold.amount());
      }
    }
    return total;
  }

  @Override
  public Optional<Duration> retention() {
    return Optional.of(retention);
  }

  /** How many holds are recorded now. */
  public synchronized int size() {
    return inRecordingOrder.size();
  }

  @Override
  public synchronized String toString() {
    return "InMemoryRiskHistory[size="
        + inRecordingOrder.size()
        + ", retention="
        + retention
        + ", maxRecords="
        + maxRecords
        + "]";
  }

  /** Drops the oldest records while there are too many or they are older than {@code cutoff}. */
  private void prune(Instant cutoff) {
    while (!inRecordingOrder.isEmpty()
        && (inRecordingOrder.size() > maxRecords
            || inRecordingOrder.peekFirst().at().isBefore(cutoff))) {
      RiskContext oldest = inRecordingOrder.removeFirst();
      // Each index is in recording order too, so the oldest overall is the first of its card and
      // of its merchant.
      removeFromIndex(byCard, oldest.cardToken(), oldest);
      removeFromIndex(byMerchant, oldest.merchantId(), oldest);
    }
  }

  private static void removeFromIndex(
      Map<String, ArrayDeque<RiskContext>> index, String key, RiskContext hold) {
    ArrayDeque<RiskContext> holds = index.get(key);
    holds.removeFirstOccurrence(hold);
    if (holds.isEmpty()) {
      index.remove(key);
    }
  }

  private static boolean within(RiskContext hold, Instant from, Instant until) {
    return !hold.at().isBefore(from) && hold.at().isBefore(until);
  }

  private static void requireRange(Instant from, Instant until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (from.isAfter(until)) {
      throw new RiskException("history range starts at " + from + ", after its end " + until);
    }
  }
}
