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
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (!accepts(s.charAt(i), i)) {
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
