package io.escrowkit.device;

import java.time.Duration;

/** The terminal's screen and its confirm/cancel keys. Implementations say if threadsafe. */
public interface Display extends SelfTestable {

  /** Shows a message until the next one replaces it. */
  void show(String message);

  /**
   * Asks a yes/no question (e.g. "Capture CNY 128.00?") and returns the answer.
   *
   * @return true for confirm, false for cancel
   * @throws DeviceException {@link DeviceFailure#TIMEOUT} when nobody answered in time
   */
  boolean confirm(String question, Duration timeout);
}
