package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.spec.FieldType;

/** The characters a field type allows, checked when a value is set for encoding. */
enum CharClass {
  DIGITS("a decimal digit"),
  TRACK("a track data character (0-9 : ; < = > ? or D)"),
  AMOUNT("a digit after a C or D sign"),
  ALPHANUMERIC("a letter, digit or space"),
  ANY("");

  private final String expected;

  /** Per class, by char code below 256: accepted at any position but the first of an x+n. */
  private static final boolean[][] ACCEPTED = new boolean[values().length][256];

  static {
    for (CharClass c : values()) {
      for (int ch = 0; ch < 256; ch++) {
        ACCEPTED[c.ordinal()][ch] = c.accepts((char) ch, 1);
      }
    }
  }

  CharClass(String expected) {
    this.expected = expected;
  }

  static CharClass of(FieldType type) {
    switch (type) {
      case N:
        return DIGITS;
      case Z:
        return TRACK;
      case XN:
        return AMOUNT;
      case AN:
        return ALPHANUMERIC;
      default:
        return ANY;
    }
  }

  /** What a character at a rejected position should have been. */
  String expected() {
    return expected;
  }

  /** The index of the first character this class rejects, or -1. */
  int firstInvalid(String s) {
    if (this == ANY) {
      return -1;
    }
    int n = s.length();
    int i = 0;
    if (this == AMOUNT && n > 0) {
      if (!accepts(s.charAt(0), 0)) {
        return 0;
      }
      i = 1;
    }
    boolean[] accepted = ACCEPTED[ordinal()];
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c > 0xFF || !accepted[c]) {
        return i;
      }
    }
    return -1;
  }

  boolean accepts(char c, int index) {
    switch (this) {
      case DIGITS:
        return c >= '0' && c <= '9';
      case TRACK:
        return (c >= '0' && c <= '?') || c == 'D' || c == 'd';
      case AMOUNT:
        return index == 0 ? c == 'C' || c == 'D' : c >= '0' && c <= '9';
      case ALPHANUMERIC:
        return (c >= '0' && c <= '9')
            || (c >= 'A' && c <= 'Z')
            || (c >= 'a' && c <= 'z')
            || c == ' ';
      default:
        return true;
    }
  }
}
