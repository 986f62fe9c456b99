package io.escrowkit.simulator;

import java.util.Objects;

/**
 * One approved request in the simulator's books. Immutable and threadsafe.
 *
 * @param type what it did
 * @param authCode the pre-authorization it belongs to
 * @param terminalId field 41 of the request
 * @param merchantId field 42 of the request
 * @param stan field 11 of the request
 * @param rrn the retrieval reference number the simulator answered with
 * @param amount field 4 of the request, in minor units
 * @param reversed whether a reversal has undone it
 */
public record Posting(
    PostingType type,
    String authCode,
    String terminalId,
    String merchantId,
    String stan,
    String rrn,
    long amount,
    boolean reversed) {

  /** Checks that nothing is missing. */
  public Posting {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(authCode, "authCode");
    Objects.requireNonNull(terminalId, "terminalId");
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(stan, "stan");
    Objects.requireNonNull(rrn, "rrn");
  }
}
