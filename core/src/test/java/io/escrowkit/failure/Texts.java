package io.escrowkit.failure;

/** Checks on operator-facing texts shared by the tests. */
final class Texts {

  private Texts() {}

  /** True if {@code text} contains at least one Han (CJK ideograph) character. */
  static boolean containsHan(String text) {
    return text.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }
}
