package io.escrowkit;

/**
 * Checks caller-given idempotency keys: trimmed, non-empty, at most 255 characters, printable
 * ({@link Texts#printable}).
 */
final class Idempotency {
  static final int MAX_KEY_LENGTH = 255;

  private Idempotency() {}

  static String validKey(String key) {
    java.util.Objects.requireNonNull(key, "idempotencyKey");
    String trimmed = key.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters after trimming, got "
              + trimmed.length());
    }
    return Texts.printable(trimmed, "idempotency key");
  }
}
