package io.escrowkit.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault and how often to inject it, as given on the command line: {@code NAME:RATE} or, for
 * {@link Fault#DELAY} and {@link Fault#LATE_RESPONSE}, {@code NAME:RATE:MILLIS}. Immutable and
 * threadsafe.
 *
 * @param fault the fault
 * @param rate the probability per request, 0 to 1
 * @param duration for DELAY and LATE_RESPONSE: how long the answer is held back (empty: the
 *     default)
 */
public record FaultSpec(Fault fault, double rate, Optional<Duration> duration) {

  /** Validates the rate (0 to 1) and that only the delaying faults carry a duration. */
  public FaultSpec {
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(duration, "duration");
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "fault " + fault.cliName() + ": rate must be between 0 and 1, was " + rate);
    }
    if (duration.isPresent()) {
      if (fault != Fault.DELAY && fault != Fault.LATE_RESPONSE) {
        throw new IllegalArgumentException(
            "fault " + fault.cliName() + " takes no duration; only delay and late do");
      }
      if (duration.get().isNegative()) {
        throw new IllegalArgumentException(
            "fault " + fault.cliName() + ": duration must not be negative");
      }
    }
  }

  /** A fault at a rate, with the default duration. */
  public static FaultSpec of(Fault fault, double rate) {
    return new FaultSpec(fault, rate, Optional.empty());
  }

  /**
   * Parses {@code NAME:RATE[:MILLIS]}, e.g. {@code no-response:0.01} or {@code delay:0.1:300}.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static FaultSpec parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "fault '" + text + "' is not NAME:RATE or NAME:RATE:MILLIS");
    }
    Fault fault = Fault.forName(parts[0]);
    double rate;
    try {
      rate = Double.parseDouble(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "fault '" + text + "': rate '" + parts[1] + "' is not a number", e);
    }
    Optional<Duration> duration = Optional.empty();
    if (parts.length == 3) {
      try {
        duration = Optional.of(Duration.ofMillis(Long.parseLong(parts[2])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "fault '" + text + "': milliseconds '" + parts[2] + "' is not a whole number", e);
      }
    }
    return new FaultSpec(fault, rate, duration);
  }

  @Override
  public String toString() {
    return fault.cliName() + ":" + rate + duration.map(d -> ":" + d.toMillis()).orElse("");
  }
}
