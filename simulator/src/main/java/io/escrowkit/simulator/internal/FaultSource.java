package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.Fault;
import java.time.Duration;
import java.util.Optional;

/** Where the engine gets each request's fault and the delays to apply. Threadsafe. */
public interface FaultSource {

  /** The fault for a request with this MTI, if any. */
  Optional<Fault> draw(String mti);

  /** How long {@link Fault#DELAY} holds an answer back. */
  Duration delay();

  /** How long {@link Fault#LATE_RESPONSE} holds an answer back. */
  Duration late();
}
