package io.escrowkit.spi;

/**
 * Names of the host references a transport returns with an approval and gets back with follow-up
 * requests. Transports may add their own names; these are the ones every transport understands.
 */
public final class HostReference {
  /** Authorization identification response (ISO 8583 field 38). */
  public static final String AUTHORIZATION_CODE = "authorizationCode";
  /** Retrieval reference number (field 37). */
  public static final String RETRIEVAL_REFERENCE = "retrievalReference";
  /** The original request's trace (field 11), for the original-data field of follow-ups. */
  public static final String ORIGINAL_TRACE = "originalTrace";
  /** The original request's batch number (UnionPay field 60.2). */
  public static final String ORIGINAL_BATCH = "originalBatch";
  /** The original request's local date, MMdd (field 13). */
  public static final String ORIGINAL_DATE = "originalDate";
  /**
   * The response code the host refused the completion advice of an offline capture with (kept by
   * the client, not sent back).
   */
  public static final String ADVICE_RESPONSE_CODE = "adviceResponseCode";
  /**
   * The response code the host refused to cancel what a final capture left of the hold with (kept
   * by the client, not sent back): the remainder stays frozen until an operator has it released.
   */
  public static final String REMAINDER_RESPONSE_CODE = "remainderResponseCode";
  /**
   * The response code the host refused the reversal of an in-doubt request with, for good (kept by
   * the client, not sent back): the escrow is {@code REVERSAL_REFUSED}, for an operator.
   */
  public static final String REVERSAL_RESPONSE_CODE = "reversalResponseCode";
  /**
   * The amount the host approved, in minor units of the request's currency, when it approved less
   * than was asked (a partial approval, ISO 8583 response code 10, the approved amount in the
   * answer's field 4). On a hold, the client holds that amount; it is not sent back.
   */
  public static final String APPROVED_AMOUNT = "approvedAmount";
  /**
   * A response code the catalog does not know, kept with the in-doubt outcome it makes (the host
   * answered, but whether it approved is not known): work that cannot be reversed, a forwarded
   * request or an advice, hands it to an operator rather than asking for ever.
   */
  public static final String UNCATALOGUED_RESPONSE_CODE = "uncataloguedResponseCode";
  /**
   * Set, to the code, by a transport that reads the host's refusal as "the request's MAC did not
   * verify" (UnionPay's A0; an ISO 8583:1987 host's 63, which the catalog otherwise files as a
   * final security violation): keys out of step, which a key change cures, so work the client owes
   * is sent again rather than ended (kept with the outcome, not in the escrow).
   */
  public static final String MAC_REFUSED = "macRefused";
  /** The host's own id for the escrow (HTTP gateways). */
  public static final String HOST_ESCROW_ID = "hostEscrowId";

  private HostReference() {}
}
