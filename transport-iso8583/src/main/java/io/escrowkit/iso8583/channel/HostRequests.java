package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;

/**
 * Requests a host sends on its own, not answers: an echo test (0800, field 70 301) or another
 * network management request or advice (0800, 0820) on an idle connection, which hosts send to
 * see the terminal is there and drop the connection when it stays unanswered. The terminal answers
 * them as a host answers its own: the same message back as the response (0810, 0830), with
 * response code 00 and the TPDU's addresses swapped. The MAC fields (64, 128) are left out: network
 * management carries none. A host's request of any other class (an authorization) is not a
 * terminal's to serve; the router drops it as an unmatched answer.
 */
final class HostRequests {
  private static final String APPROVED = "00";
  private static final int RESPONSE_CODE = 39;
  private static final int[] MAC_FIELDS = {64, 128};
  private static final int TPDU_LENGTH = 5;

  private HostRequests() {}

  /** Whether {@code mti} is a network management request or advice (x800, x820, ...). */
  static boolean isNetworkRequest(String mti) {
    return mti.length() == 4
        && mti.charAt(1) == '8'
        && (mti.charAt(2) == '0' || mti.charAt(2) == '2');
  }

  /**
   * The answer to a host's network management request.
   *
   * @throws io.escrowkit.iso8583.IsoFormatException if the request's fields are malformed
   * @throws IllegalArgumentException if the dialect has no response code field
   */
  static IsoMessage answerTo(DecodedMessage request) {
    String mti = request.mti();
    String answerMti = mti.substring(0, 2) + (char) (mti.charAt(2) + 1) + mti.charAt(3);
    IsoMessage.Builder answer = request.toMessage().toBuilder().mti(answerMti);
    if (request.tpdu().length == TPDU_LENGTH) {
      answer.tpdu(swapped(request.tpdu()));
    }
    for (int field : MAC_FIELDS) {
      answer.remove(field);
    }
    return answer.set(RESPONSE_CODE, APPROVED).build();
  }

  /** A 5-byte TPDU (id, destination, source) with destination and source swapped, as answered. */
  static byte[] swapped(byte[] tpdu) {
    byte[] swapped = tpdu.clone();
    System.arraycopy(tpdu, 3, swapped, 1, 2);
    System.arraycopy(tpdu, 1, swapped, 3, 2);
    return swapped;
  }
}
