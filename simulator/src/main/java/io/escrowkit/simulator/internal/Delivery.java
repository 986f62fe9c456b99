package io.escrowkit.simulator.internal;

import java.time.Duration;
import java.util.List;

/**
 * How an answer goes out on the connection.
 *
 * @param frames the framed byte strings to write, in order (none: no answer)
 * @param delay how long to wait before writing
 * @param resetMidFrame write half of the first frame, then reset the connection
 */
record Delivery(List<byte[]> frames, Duration delay, boolean resetMidFrame) {

  static Delivery none() {
    return new Delivery(List.of(), Duration.ZERO, false);
  }

  static Delivery now(byte[] frame) {
    return new Delivery(List.of(frame), Duration.ZERO, false);
  }
}
