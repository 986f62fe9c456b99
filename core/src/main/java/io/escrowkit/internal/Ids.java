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

  private String next(String prefix) {
    StringBuilder id = new StringBuilder(prefix.length() + LENGTH).append(prefix);
    synchronized (random) {
      for (int i = 0; i < LENGTH; i++) {
        id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
    }
    return id.toString();
  }
}
