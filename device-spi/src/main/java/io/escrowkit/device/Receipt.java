package io.escrowkit.device;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The lines of one receipt, top to bottom. Immutable and threadsafe.
 *
 * <p>A receipt is printed and kept by people: card numbers on it must be masked ({@link
 * CardData#maskedPan()}), and it never carries track data, PIN blocks or CVV.
 *
 * @param lines the text lines; an empty string is a blank line
 */
public record Receipt(List<String> lines) {

  /** Most lines one receipt may have, so a runaway caller cannot empty a paper roll. */
  public static final int MAX_LINES = 500;

  public Receipt {
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a receipt needs at least one line");
    }
    if (lines.size() > MAX_LINES) {
      throw new IllegalArgumentException(
          "a receipt has at most " + MAX_LINES + " lines, got " + lines.size());
    }
  }

  public static Receipt of(String... lines) {
    return new Receipt(Arrays.asList(lines));
  }
}
