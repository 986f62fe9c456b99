package io.escrowkit.simulator.internal;

import java.util.Random;

/**
 * Authorization codes and retrieval reference numbers from seeded sequences: codes step through all
 * million six-digit values in a scrambled order before any repeats, reference numbers count up from
 * a seeded start. Threadsafe.
 */
final class References {

  private static final int CODES = 1_000_000;

  /** Coprime with 10^6, so i * STEP mod 10^6 visits every code once. */
  private static final int STEP = 387_433;

  private final int codeStart;
  private final long rrnStart;
  private long issued;

  References(Random random) {
    this.codeStart = random.nextInt(CODES);
    this.rrnStart = (1 + random.nextInt(899_999)) * 1_000_000L;
  }

  /** The next six-digit authorization code (field 38); never 000000. */
  synchronized String nextAuthCode() {
    int code;
    do {
      code = (int) ((codeStart + issued++ * (long) STEP) % CODES);
    } while (code == 0);
    return pad(code, 6);
  }

  /** The next twelve-digit retrieval reference number (field 37). */
  synchronized String nextRrn() {
    return pad(rrnStart + issued++, 12);
  }

  private static String pad(long value, int width) {
    String digits = Long.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
