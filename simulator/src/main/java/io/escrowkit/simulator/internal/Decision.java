package io.escrowkit.simulator.internal;

import java.util.Optional;

/**
 * What the host decided for one request: the response code and the references to answer with.
 *
 * @param responseCode field 39
 * @param authCode field 38 to answer with, if any
 * @param rrn field 37 to answer with, if any
 * @param note a short reason for the log (never card data)
 */
record Decision(String responseCode, Optional<String> authCode, Optional<String> rrn, String note) {

  static final String APPROVED = "00";

  static Decision approve(String authCode, String rrn, String note) {
    return new Decision(APPROVED, Optional.of(authCode), Optional.of(rrn), note);
  }

  static Decision approveWith(String code, String authCode, String rrn, String note) {
    return new Decision(code, Optional.of(authCode), Optional.of(rrn), note);
  }

  static Decision answer(String code, String note) {
    return new Decision(code, Optional.empty(), Optional.empty(), note);
  }

  boolean approved() {
    return responseCode.equals(APPROVED) || responseCode.equals("11");
  }
}
