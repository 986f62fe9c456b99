package io.escrowkit.spi;

/**
 * The arithmetic of system trace audit numbers (field 11), for journals: 1 to {@value #MAX_TRACE},
 * then 1 again. Stateless.
 */
public final class TraceBlock {
  /** The largest trace number; the one after it is 1. */
  public static final long MAX_TRACE = 999_999;

  /** The most numbers {@link Journal#nextTraces} draws at once. */
  public static final int MAX_COUNT = 1000;

  private TraceBlock() {}

  /**
   * The {@code count} numbers after {@code last} (0: none drawn yet), in order, wrapping after
   * {@value #MAX_TRACE}; the last of them is what a journal stores as the terminal's last trace.
   */
  public static long[] after(long last, int count) {
    checkCount(count);
    if (last < 0 || last > MAX_TRACE) {
      throw new IllegalArgumentException("last trace must be 0 to " + MAX_TRACE + ": " + last);
    }
    long[] drawn = new long[count];
    for (int i = 0; i < count; i++) {
      drawn[i] = (last + i) % MAX_TRACE + 1;
    }
    return drawn;
  }

  /**
   * The {@code count} numbers that end at {@code last}, in order: what a journal that advanced the
   * terminal's last trace by {@code count} to {@code last} has drawn. {@code count} is checked as
   * {@link #after} checks it.
   */
  public static long[] endingAt(long last, int count) {
    if (last < 1 || last > MAX_TRACE) {
      throw new IllegalArgumentException("last trace must be 1 to " + MAX_TRACE + ": " + last);
    }
    return after(Math.floorMod(last - count, MAX_TRACE), count);
  }

  /** @throws IllegalArgumentException if {@code count} is not 1 to {@value #MAX_COUNT} */
  public static void checkCount(int count) {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("trace count must be 1 to " + MAX_COUNT + ": " + count);
    }
  }
}
