package io.escrowkit.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * The simulator's fault injection, changeable while it runs: faults at a rate per request (drawn
 * from the simulator's seeded random source) and faults scripted for the next requests. A scripted
 * fault wins over the rates; at most one fault hits a request. Threadsafe.
 *
 * <pre>{@code
 * sim.faults().inject(Fault.NO_RESPONSE, 0.01);      // 1% of requests go unanswered
 * sim.faults().next(Fault.RESET_MID_FRAME, "0100");  // the next 0100 gets half an answer
 * }</pre>
 */
public final class Faults {

  /** The default hold-back of {@link Fault#DELAY}. */
  public static final Duration DEFAULT_DELAY = Duration.ofMillis(250);

  /** The default hold-back of {@link Fault#LATE_RESPONSE}: longer than usual client deadlines. */
  public static final Duration DEFAULT_LATE = Duration.ofSeconds(10);

  private final Random random;
  private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);
  private final Map<Fault, Long> applied = new EnumMap<>(Fault.class);
  private final Deque<Scripted> scripted = new ArrayDeque<>();
  private Duration delay = DEFAULT_DELAY;
  private Duration late = DEFAULT_LATE;

  private record Scripted(Fault fault, Optional<String> mti) {}

  Faults(Random random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Injects a fault into this share of requests (0 removes it). The rates of all faults together
   * may not exceed 1.
   *
   * @throws IllegalArgumentException for a rate outside 0 to 1 or a total above 1
   */
  public synchronized Faults inject(Fault fault, double rate) {
    Objects.requireNonNull(fault, "fault");
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "fault " + fault.cliName() + ": rate must be between 0 and 1, was " + rate);
    }
    double others = 0;
    for (Map.Entry<Fault, Double> e : rates.entrySet()) {
      others += e.getKey() == fault ? 0 : e.getValue();
    }
    if (others + rate > 1 + 1e-9) {
      throw new IllegalArgumentException(
          "fault "
              + fault.cliName()
              + " at "
              + rate
              + " brings the total rate to "
              + (others + rate)
              + ", above 1");
    }
    if (rate == 0) {
      rates.remove(fault);
    } else {
      rates.put(fault, rate);
    }
    return this;
  }

  /** Applies a parsed command-line fault: its rate and, if given, its duration. */
  public synchronized Faults inject(FaultSpec spec) {
    inject(spec.fault(), spec.rate());
    spec.duration()
        .ifPresent(
            d -> {
              if (spec.fault() == Fault.DELAY) {
                delay(d);
              } else {
                lateBy(d);
              }
            });
    return this;
  }

  /** Scripts a fault for the next request, whatever its type. Scripted faults queue up. */
  public synchronized Faults next(Fault fault) {
    scripted.addLast(new Scripted(Objects.requireNonNull(fault, "fault"), Optional.empty()));
    return this;
  }

  /** Scripts a fault for the next request with this MTI (e.g. {@code "0100"}). */
  public synchronized Faults next(Fault fault, String mti) {
    Objects.requireNonNull(mti, "mti");
    scripted.addLast(new Scripted(Objects.requireNonNull(fault, "fault"), Optional.of(mti)));
    return this;
  }

  /** Removes every rate and every scripted fault; durations and counts stay. */
  public synchronized Faults clear() {
    rates.clear();
    scripted.clear();
    return this;
  }

  /** Sets how long {@link Fault#DELAY} holds an answer back. */
  public synchronized Faults delay(Duration duration) {
    this.delay = checked(duration);
    return this;
  }

  /** Sets how long {@link Fault#LATE_RESPONSE} holds an answer back. */
  public synchronized Faults lateBy(Duration duration) {
    this.late = checked(duration);
    return this;
  }

  /** How long {@link Fault#DELAY} holds an answer back. */
  public synchronized Duration delay() {
    return delay;
  }

  /** How long {@link Fault#LATE_RESPONSE} holds an answer back. */
  public synchronized Duration lateBy() {
    return late;
  }

  /** The rate of a fault (0 if not injected). */
  public synchronized double rate(Fault fault) {
    return rates.getOrDefault(fault, 0.0);
  }

  /** How many requests this fault has hit so far. */
  public synchronized long applied(Fault fault) {
    return applied.getOrDefault(fault, 0L);
  }

  /** The number of scripted faults not yet used. */
  public synchronized int scriptedPending() {
    return scripted.size();
  }

  /** The fault for a request with this MTI, if any, counted as applied. */
  synchronized Optional<Fault> draw(String mti) {
    Optional<Fault> chosen = takeScripted(mti);
    if (chosen.isEmpty() && !rates.isEmpty()) {
      double u = random.nextDouble();
      double cumulative = 0;
      for (Map.Entry<Fault, Double> e : rates.entrySet()) {
        cumulative += e.getValue();
        if (u < cumulative) {
          chosen = Optional.of(e.getKey());
          break;
        }
      }
    }
    chosen.ifPresent(f -> applied.merge(f, 1L, Long::sum));
    return chosen;
  }

  private Optional<Fault> takeScripted(String mti) {
    for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
      Scripted s = it.next();
      if (s.mti().isEmpty() || s.mti().get().equals(mti)) {
        it.remove();
        return Optional.of(s.fault());
      }
    }
    return Optional.empty();
  }

  private static Duration checked(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a fault's duration must not be negative: " + duration);
    }
    return duration;
  }

  @Override
  public synchronized String toString() {
    return "Faults[rates="
        + rates
        + ", scripted="
        + scripted.size()
        + ", delay="
        + delay
        + ", late="
        + late
        + "]";
  }
}
