package io.escrowkit.iso8583.mapping;

import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.util.Map;
import java.util.Optional;

/**
 * What a follow-up names as its original, from the host references: the hold for a release or
 * capture; for a completion void or refund, the capture when its references are kept, else the
 * hold. A capture answered without an authorization code or retrieval reference number is named
 * with the hold's (its answer's references put them in its place), when the hold's answer gave
 * one. An escrow captured before captures' codes were kept apart has none of its own: it is named
 * with what its last answer left in the hold's place, as before. Immutable.
 */
record OriginalData(
    String mti,
    Optional<String> trace,
    Optional<String> batch,
    Optional<String> date,
    Optional<String> transmission,
    Optional<String> retrievalReference,
    Optional<String> authorizationCode) {

  static OriginalData of(TransportRequest request, MappingSettings settings) {
    Map<String, String> refs = request.hostReferences();
    boolean afterCapture =
        request.type() == RequestType.VOID_CAPTURE || request.type() == RequestType.REFUND;
    if (afterCapture && refs.containsKey(IsoHostReferences.CAPTURE_TRACE)) {
      return new OriginalData(
          Optional.ofNullable(refs.get(IsoHostReferences.CAPTURE_MTI)).orElseGet(() ->
              RequestCodes.of(RequestType.CAPTURE, settings).mti()),
          get(refs, IsoHostReferences.CAPTURE_TRACE),
          get(refs, IsoHostReferences.CAPTURE_BATCH),
          get(refs, IsoHostReferences.CAPTURE_DATE),
          get(refs, IsoHostReferences.CAPTURE_TRANSMISSION),
          get(refs, IsoHostReferences.CAPTURE_RETRIEVAL_REFERENCE),
          get(refs, refs.containsKey(IsoHostReferences.CAPTURE_AUTHORIZATION_CODE)
              ? IsoHostReferences.CAPTURE_AUTHORIZATION_CODE
              : HostReference.AUTHORIZATION_CODE));
    }
    return new OriginalData(
        RequestCodes.of(RequestType.HOLD, settings).mti(),
        get(refs, HostReference.ORIGINAL_TRACE),
        get(refs, HostReference.ORIGINAL_BATCH),
        get(refs, HostReference.ORIGINAL_DATE),
        get(refs, IsoHostReferences.ORIGINAL_TRANSMISSION),
        get(refs, HostReference.RETRIEVAL_REFERENCE),
        get(refs, HostReference.AUTHORIZATION_CODE));
  }

  private static Optional<String> get(Map<String, String> refs, String name) {
    return Optional.ofNullable(refs.get(name));
  }
}
