package io.escrowkit.failure.internal;

import java.util.Objects;

/**
 * Checks the tokens that make up a failure's machine code ({@code DEVICE/OUT_OF_PAPER}): 1 to 40
 * characters of {@code [A-Z0-9_]}. Stateless and threadsafe.
 */
public final class MachineCodes {

  private static final int MAX_TOKEN_LENGTH = 40;

  private MachineCodes() {}

  /**
   * Returns {@code token} if it is 1 to 40 characters of {@code [A-Z0-9_]}.
   *
   * @throws NullPointerException if {@code token} is null, naming it {@code name}
   * @throws IllegalArgumentException otherwise, naming the parameter and the input
   */
  public static String requireToken(String token, String name) {
    Objects.requireNonNull(token, name);
    if (!isToken(token)) {
      String shown =
          token.length() > MAX_TOKEN_LENGTH ? token.length() + " characters" : "'" + token + "'";
      throw new IllegalArgumentException(
          name + " must be 1 to " + MAX_TOKEN_LENGTH + " characters of [A-Z0-9_], got " + shown);
    }
    return token;
  }

  /** True for 1 to 40 characters of {@code [A-Z0-9_]}. */
  public static boolean isToken(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
