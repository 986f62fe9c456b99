package io.escrowkit.internal;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Random;

/** Makes ids from the client's injected random source, so a seeded run is replayable. Threadsafe. */
public final class Ids {
  /** 32 digits: five bits each, so a digit is a shift and a mask, not a division. */
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();
  private static final int BITS_PER_DIGIT = 5;
  private static final int LENGTH = 20;
  private static final int IDS_PER_DRAW = 8;
  private final Random random;
  /** Random bytes drawn ahead, guarded by {@code random}'s lock; {@code pooled} of them used. */
  private final byte[] pool = new byte[IDS_PER_DRAW * 2 * Long.BYTES];
  private final ByteBuffer pooledBits = ByteBuffer.wrap(pool);
  private int pooled = pool.length;

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
   * The prefix and {@value #LENGTH} base-32 digits: 100 random bits (50 of each of two longs).
   * The bits come from a pool filled {@value #IDS_PER_DRAW} ids at a time: a shared {@code
   * SecureRandom} (the default) is entered once per {@value #IDS_PER_DRAW} ids, not once or more
   * per id.
   */
  private String next(String prefix) {
    long high;
    long low;
    synchronized (random) {
      if (pooled == pool.length) {
        random.nextBytes(pool);
        pooled = 0;
      }
      high = pooledBits.getLong(pooled);
      low = pooledBits.getLong(pooled + Long.BYTES);
      pooled += 2 * Long.BYTES;
    }
    char[] id = new char[prefix.length() + LENGTH];
    prefix.getChars(0, prefix.length(), id, 0);
    appendDigits(high, id, prefix.length());
    appendDigits(low, id, prefix.length() + LENGTH / 2);
    return new String(id);
  }

  /** Writes {@code LENGTH / 2} base-32 digits of the low bits of {@code bits} at {@code at}. */
  private static void appendDigits(long bits, char[] id, int at) {
    for (int i = 0; i < LENGTH / 2; i++) {
      id[at + i] = ALPHABET[(int) (bits >>> (BITS_PER_DIGIT * i)) & (ALPHABET.length - 1)];
    }
  }
}
