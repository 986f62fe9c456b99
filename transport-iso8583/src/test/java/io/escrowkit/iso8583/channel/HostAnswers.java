package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;

/** Answers as a host builds them: the request's fields, MTI plus 10, TPDU swapped, a field 39. */
public final class HostAnswers {

  /** Request-only fields a host does not echo: card data, PIN, MAC. */
  private static final int[] NOT_ECHOED = {2, 14, 22, 23, 26, 35, 36, 52, 53, 55, 62, 63, 64, 128};

  private HostAnswers() {}

  /** The answer to {@code request} with response code {@code code}. */
  public static IsoMessage.Builder answer(DecodedMessage request, String code) {
    IsoMessage.Builder b = request.toMessage().toBuilder().mti(MatchKey.answerMti(request.mti()));
    byte[] tpdu = request.tpdu();
    if (tpdu.length == 5) {
      byte[] swapped = tpdu.clone();
      System.arraycopy(tpdu, 3, swapped, 1, 2);
      System.arraycopy(tpdu, 1, swapped, 3, 2);
      b.tpdu(swapped);
    }
    for (int field : NOT_ECHOED) {
      if (request.spec().field(field).isPresent()) {
        b.remove(field);
      }
    }
    return b.set(39, code);
  }

  /** An approval with a retrieval reference and authorization code. */
  public static IsoMessage approve(DecodedMessage request) {
    return answer(request, "00").set(37, "000000000123").set(38, "AB1234").build();
  }
}
