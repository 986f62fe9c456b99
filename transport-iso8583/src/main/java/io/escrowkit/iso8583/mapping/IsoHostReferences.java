package io.escrowkit.iso8583.mapping;

/**
 * Host reference names the ISO 8583 transport adds to {@link io.escrowkit.spi.HostReference}'s: the
 * ISO 87 original transmission time, and the references of a capture, which a completion void and a
 * refund name as their original (UnionPay field 61, fields 37 and 38) once the client keeps them.
 * An answer's authorization code and retrieval reference number go under the names of what it
 * answered: {@link io.escrowkit.spi.HostReference#AUTHORIZATION_CODE} and {@link
 * io.escrowkit.spi.HostReference#RETRIEVAL_REFERENCE} stay the hold's. Constants only; threadsafe.
 */
public final class IsoHostReferences {
  /** The original request's transmission date and time, MMddHHmmss UTC (ISO field 7, 90.3). */
  public static final String ORIGINAL_TRANSMISSION = "originalTransmission";

  /** A capture's message type when it was not the transport's usual one (0220 offline). */
  public static final String CAPTURE_MTI = "captureMti";

  /** A capture's trace (field 11). */
  public static final String CAPTURE_TRACE = "captureTrace";

  /** A capture's batch number (UnionPay field 60.2). */
  public static final String CAPTURE_BATCH = "captureBatch";

  /** A capture's date, MMdd. */
  public static final String CAPTURE_DATE = "captureDate";

  /** A capture's transmission time, MMddHHmmss UTC (ISO 87). */
  public static final String CAPTURE_TRANSMISSION = "captureTransmission";

  /** A capture's retrieval reference number (field 37). */
  public static final String CAPTURE_RETRIEVAL_REFERENCE = "captureRetrievalReference";

  /**
   * A capture's authorization code (field 38), which its completion void and refund name; kept
   * apart from the hold's, which a release and a later completion name.
   */
  public static final String CAPTURE_AUTHORIZATION_CODE = "captureAuthorizationCode";

  /**
   * The authorization code (field 38) of the latest answer to a release, completion void or
   * refund: kept for reconciliation, named by no request.
   */
  public static final String FOLLOW_UP_AUTHORIZATION_CODE = "followUpAuthorizationCode";

  /** The retrieval reference number (field 37) of that answer, likewise. */
  public static final String FOLLOW_UP_RETRIEVAL_REFERENCE = "followUpRetrievalReference";

  private IsoHostReferences() {}
}
