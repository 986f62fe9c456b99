package io.escrowkit.memory;

import io.escrowkit.spi.TransportRequest;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** Decides the fault, if any, for each request. Implementations must be threadsafe. */
@FunctionalInterface
public interface FaultPlan {

  Fault faultFor(TransportRequest request);

  /** Every request goes through. */
  static FaultPlan none() {
    return request -> Fault.NONE;
  }

  /**
   * Each request meets one of {@code faults} with probability {@code rate}, drawn from
   * {@code random} (seed it to replay a run).
   */
  static FaultPlan randomly(Random random, double rate, List<Fault> faults) {
    Objects.requireNonNull(random, "random");
    List<Fault> choices = List.copyOf(faults);
    if (rate < 0 || rate > 1 || choices.isEmpty()) {
      throw new IllegalArgumentException("rate must be 0..1 and faults non-empty");
    }
    return request -> {
      synchronized (random) {
        return random.nextDouble() < rate ? choices.get(random.nextInt(choices.size())) : Fault.NONE;
      }
    };
  }
}
