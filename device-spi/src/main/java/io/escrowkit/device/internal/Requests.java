package io.escrowkit.device.internal;

import java.time.Duration;
import java.util.Objects;

/** Checks shared by the request values. Stateless and threadsafe. */
public final class Requests {

  /** Longest display text accepted; terminal displays show far less. */
  public static final int MAX_DISPLAY_TEXT_LENGTH = 256;

  private Requests() {}

  /** {@code timeout} if it is positive, else an {@link IllegalArgumentException}. */
  public static Duration positive(Duration timeout, String name) {
    Objects.requireNonNull(timeout, name);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + timeout);
    }
    return timeout;
  }

  /** {@code text} if it fits a display, else an {@link IllegalArgumentException}. */
  public static String displayText(String text, String name) {
    Objects.requireNonNull(text, name);
    if (text.length() > MAX_DISPLAY_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          name + " has " + text.length() + " characters; at most " + MAX_DISPLAY_TEXT_LENGTH);
    }
    return text;
  }
}
