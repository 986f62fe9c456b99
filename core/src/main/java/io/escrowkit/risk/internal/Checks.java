package io.escrowkit.risk.internal;

import io.escrowkit.risk.RiskException;
import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the risk package. Stateless and threadsafe. */
public final class Checks {

  /** Longest window any time-based rule accepts; longer look-backs belong to offline analysis. */
  public static final Duration MAX_WINDOW = Duration.ofDays(366);

  private Checks() {}

  /** Non-null, not blank, at most {@code maxLength} characters; returns {@code value}. */
  public static String requireText(String value, String name, int maxLength) {
    Objects.requireNonNull(value, name);
    if (value.trim().isEmpty()) {
      throw new RiskException(name + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new RiskException(
          name + " must be at most " + maxLength + " characters, got " + value.length());
    }
    return value;
  }

  /** A window longer than zero and at most {@link #MAX_WINDOW}; returns {@code window}. */
  public static Duration requireWindow(Duration window, String name) {
    Objects.requireNonNull(window, name);
    if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
      throw new RiskException(
          name + " must be longer than zero and at most " + MAX_WINDOW + ", got " + window);
    }
    return window;
  }

  /** Number of ASCII digits in {@code text}. */
  public static int digitCount(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits;
  }
}
