package io.escrowkit.failure.internal;

import io.escrowkit.failure.InvalidResponseCodeException;
import java.util.Objects;

/** Checks that a response code is two characters of {@code [0-9A-Z]}. Stateless and threadsafe. */
public final class ResponseCodeSyntax {

  /** Longest input echoed in an error message; a longer one could be a card number. */
  private static final int ECHO_LIMIT = 6;

  private ResponseCodeSyntax() {}

  /**
   * Returns {@code code} if it is two characters of {@code [0-9A-Z]}.
   *
   * @throws NullPointerException if {@code code} is null
   * @throws InvalidResponseCodeException otherwise, naming the input
   */
  public static String requireValid(String code) {
    Objects.requireNonNull(code, "code");
    if (code.length() != 2 || !isCodeChar(code.charAt(0)) || !isCodeChar(code.charAt(1))) {
      throw new InvalidResponseCodeException(
          "response code must be 2 characters of [0-9A-Z], got " + echo(code));
    }
    return code;
  }

  private static boolean isCodeChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }

  /** The input in quotes; anything long is cut to its first characters so no PAN is echoed. */
  private static String echo(String input) {
    if (input.length() <= ECHO_LIMIT) {
      return "'" + input + "' (" + input.length() + " characters)";
    }
    return "'" + input.substring(0, ECHO_LIMIT) + "...' (" + input.length() + " characters)";
  }
}
