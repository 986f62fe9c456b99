package io.escrowkit.internal;

import java.util.Objects;
import java.util.Random;

/** Makes ids from the client's injected random source, so a seeded run is replayable. Threadsafe. */
public final class Ids {
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int LENGTH = 20;
  private final Random random;

  public Ids(Random random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  public String escrowId() {
    return next("esc_");
  }

  public String operationId() {
    return next("op_");
  }

  public String idempotencyKey() {
    return next("key_");
  }

  public String workId() {
    return next("work_");
  }

  /**
   * The prefix and {@value #LENGTH} base-36 digits from two draws of the random source (about 103
   * bits): two draws rather than one per digit, so a shared {@code SecureRandom} is entered twice
   * per id, not twenty times.
   */
  private String next(String prefix) {
    long high;
    long low;
    synchronized (random) {
      high = random.nextLong();
      low = random.nextLong();
    }
    char[] id = new char[prefix.length() + LENGTH];
    prefix.getChars(0, prefix.length(), id, 0);
    appendDigits(high, id, prefix.length());
    appendDigits(low, id, prefix.length() + LENGTH / 2);
    return new String(id);
  }

  /** Writes {@code LENGTH / 2} base-36 digits of {@code bits} (taken as unsigned) at {@code at}. */
  private static void appendDigits(long bits, char[] id, int at) {
    long rest = bits;
    for (int i = 0; i < LENGTH / 2; i++) {
      id[at + i] = ALPHABET[(int) Long.remainderUnsigned(rest, ALPHABET.length)];
      rest = Long.divideUnsigned(rest, ALPHABET.length);
    }
  }
}
