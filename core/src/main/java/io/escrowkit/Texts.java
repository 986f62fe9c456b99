package io.escrowkit;

/**
 * Checks caller-given text that the journal stores (references, idempotency keys, merchant and
 * terminal ids): printable Unicode, so that every journal stores and returns it as given.
 * PostgreSQL refuses a NUL in a text column, and an unpaired UTF-16 surrogate does not survive
 * encoding; either would otherwise fail or change a journal write after the request was accepted.
 */
final class Texts {
  private Texts() {}

  /**
   * Returns {@code value} if it has no control character and no unpaired surrogate.
   *
   * @throws IllegalArgumentException naming {@code name} and the first offending character
   */
  static String printable(String value, String name) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(String.format(
            "%s must be printable text: character %d is the control character U+%04X", name,
            i + 1, (int) c));
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++; // a pair: one character beyond the Basic Multilingual Plane
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(String.format(
            "%s must be printable text: character %d is an unpaired surrogate U+%04X", name,
            i + 1, (int) c));
      }
    }
    return value;
  }
}
