package io.escrowkit.spi;

import io.escrowkit.failure.ResponseCodes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one request. Immutable.
 *
 * @param kind approved, declined, or unknown
 * @param responseCode the host's code (absent when unknown)
 * @param hostReferences what the host returned for follow-up requests: authorization code,
 *     retrieval reference number, its date; keys are {@link HostReference} names
 * @param unknownReason why the outcome is unknown (present only then)
 * @param detail safe-to-log words for logs and failures; never card data
 */
public record TransportOutcome(
    Kind kind,
    Optional<String> responseCode,
    Map<String, String> hostReferences,
    Optional<UnknownReason> unknownReason,
    String detail) {

  /** The three outcomes. */
  public enum Kind {
    APPROVED,
    DECLINED,
    UNKNOWN
  }

  public TransportOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(unknownReason, "unknownReason");
    Objects.requireNonNull(detail, "detail");
    hostReferences = Map.copyOf(hostReferences);
    if ((kind == Kind.UNKNOWN) != unknownReason.isPresent()) {
      throw new IllegalArgumentException("an unknown reason goes with an UNKNOWN outcome only");
    }
    if ((kind == Kind.UNKNOWN) == responseCode.isPresent()) {
      throw new IllegalArgumentException("approved and declined outcomes carry a response code");
    }
  }

  /**
   * The outcome the host's response code means: approvals (00, and approvals with conditions
   * such as 10, 11, A2, A4, A5, A6) are APPROVED; every other catalogued code is DECLINED. A code
   * the catalog does not know is UNKNOWN ({@link UnknownReason#MALFORMED_RESPONSE}): it may be a
   * host's approval, and taking it for a decline would leave an approved hold frozen, unreversed,
   * or have a capture the host booked sent again.
   */
  public static TransportOutcome fromResponseCode(String code, Map<String, String> references) {
    if (!ResponseCodes.lookup(code).isPresent()) {
      return new TransportOutcome(Kind.UNKNOWN, Optional.empty(),
          Map.of(HostReference.UNCATALOGUED_RESPONSE_CODE, code),
          Optional.of(UnknownReason.MALFORMED_RESPONSE), "host answered response code '" + code
          + "', which is not in the response code catalog: whether it approved is not known");
    }
    boolean approval = ResponseCodes.resolve(code).isApproval();
    return new TransportOutcome(
        approval ? Kind.APPROVED : Kind.DECLINED, Optional.of(code), references, Optional.empty(),
        "host answered " + code);
  }

  public static TransportOutcome unknown(UnknownReason reason, String detail) {
    return new TransportOutcome(
        Kind.UNKNOWN, Optional.empty(), Map.of(), Optional.of(reason), detail);
  }

  /** The code of an answer whose code the catalog does not know (the outcome is UNKNOWN). */
  public Optional<String> uncataloguedCode() {
    return Optional.ofNullable(hostReferences.get(HostReference.UNCATALOGUED_RESPONSE_CODE));
  }

  public boolean isApproved() {
    return kind == Kind.APPROVED;
  }

  public boolean isUnknown() {
    return kind == Kind.UNKNOWN;
  }
}
