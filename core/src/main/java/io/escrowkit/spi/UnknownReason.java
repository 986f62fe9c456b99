package io.escrowkit.spi;

/**
 * Why a request's outcome is unknown, with the reversal reason code (ISO 8583 field 39 of the
 * reversal, as UnionPay POS terminals send it).
 */
public enum UnknownReason {
  /** No answer before the deadline. */
  TIMEOUT("98"),
  /** The connection broke before the answer arrived. */
  CONNECTION_LOST("98"),
  /** The answer arrived after the deadline; the request was already in doubt. */
  LATE_RESPONSE("98"),
  /** The answer's MAC did not verify. */
  BAD_MAC("A0"),
  /** The answer could not be parsed or did not match the request. */
  MALFORMED_RESPONSE("06"),
  /** The host approved but the terminal could not complete (e.g. card declined the second cryptogram). */
  TERMINAL_FAILURE("96"),
  /** The terminal restarted before it recorded the answer. */
  TERMINAL_RESTART("06");

  private final String reversalCode;

  UnknownReason(String reversalCode) {
    this.reversalCode = reversalCode;
  }

  /** The reason code a reversal of such a request carries. */
  public String reversalCode() {
    return reversalCode;
  }
}
