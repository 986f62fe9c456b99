package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.IsoMessage;
import java.util.Optional;

/**
 * What ties an answer to its request: terminal id (field 41), trace (field 11) and message class
 * (the MTI's second digit). The class keeps a reversal's answer 0410, which repeats the original's
 * trace, from completing the original 0100. Immutable.
 */
record MatchKey(String terminalId, long trace, char messageClass) {

  static final int TRACE = 11;
  static final int TERMINAL_ID = 41;

  /**
   * The key of a request about to be sent.
   *
   * @throws IllegalArgumentException when the message lacks field 11 or 41
   */
  static MatchKey ofRequest(IsoMessage request) {
    String trace =
        request
            .get(TRACE)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(request + " has no trace (field 11) to match on"));
    String terminal =
        request
            .get(TERMINAL_ID)
            .orElseThrow(
                () -> new IllegalArgumentException(request + " has no terminal id (field 41)"));
    return new MatchKey(trimEnd(terminal), Long.parseLong(trace), request.mti().charAt(1));
  }

  /** The key an answer names; empty when it lacks field 11 or 41 or they do not read. */
  static Optional<MatchKey> ofAnswer(DecodedMessage answer) {
    if (!answer.has(TRACE) || !answer.has(TERMINAL_ID)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new MatchKey(
              trimEnd(answer.readString(TERMINAL_ID)),
              answer.readLong(TRACE),
              answer.mti().charAt(1)));
    } catch (IsoFormatException malformed) {
      return Optional.empty();
    }
  }

  /**
   * The MTI that answers {@code requestMti}: function plus one, and the origin of the first
   * sending — a repeat's odd origin less one (0221 to 0230, 0802 to 0812, 0803 to 0812).
   */
  static String answerMti(String requestMti) {
    return requestMti.substring(0, 2)
        + (char) (requestMti.charAt(2) + 1)
        + firstSending(requestMti.charAt(3));
  }

  /**
   * Whether {@code mti} answers a request whose answer is {@code expected}: exactly, or with the
   * repeat's origin digit (0231 for 0230, 0411 for 0410), which some hosts echo back.
   */
  static boolean answers(String mti, String expected) {
    return mti.equals(expected)
        || mti.regionMatches(0, expected, 0, 3)
            && firstSending(mti.charAt(3)) == expected.charAt(3);
  }

  /** The origin digit of a first sending: a repeat's odd origin less one, others as they are. */
  private static char firstSending(char origin) {
    return (origin - '0') % 2 == 1 ? (char) (origin - 1) : origin;
  }

  /** Whether {@code mti} is a network management message (class 8). */
  boolean isNetworkManagement() {
    return messageClass == '8';
  }

  @Override
  public String toString() {
    return "terminal " + terminalId + " trace " + trace + " class " + messageClass + "xx";
  }

  private static String trimEnd(String value) {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == ' ') {
      end--;
    }
    return value.substring(0, end);
  }
}
