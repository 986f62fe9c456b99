package io.escrowkit.iso8583.mapping;

/**
 * Host reference names the ISO 8583 transport adds to {@link io.escrowkit.spi.HostReference}'s: the
 * ISO 87 original transmission time, and the references of a capture, which a completion void and a
 * refund name as their original (UnionPay field 61, field 37) once the client keeps them. Constants
 * only; threadsafe.
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

  private IsoHostReferences() {}
}
