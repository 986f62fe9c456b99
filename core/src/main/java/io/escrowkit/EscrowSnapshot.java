package io.escrowkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about one escrow at one moment. Immutable and threadsafe; card data appears
 * only as the masked PAN.
 *
 * @param id the SDK's id for the escrow
 * @param reference the merchant's reference (e.g. a room or order number)
 * @param merchantId acquirer-assigned merchant id (ISO 8583 field 42)
 * @param terminalId acquirer-assigned terminal id (ISO 8583 field 41)
 * @param maskedPan first 6 and last 4 digits of the card number
 * @param cardToken opaque, non-reversible card identifier used by risk rules
 * @param scheme the name of the scheme profile whose rules apply
 * @param state where the escrow stands
 * @param held the amount held on the card
 * @param captures approved captures, oldest first (a void removes the last)
 * @param refunded the sum of approved refunds
 * @param createdAt when the hold was requested
 * @param updatedAt when the state last changed
 * @param expiresAt when the hold lapses if not captured
 * @param hostReferences what the host returned with the hold (authorization code, retrieval
 *     reference, its trace and date) for follow-up requests
 * @param pending the request in flight or in doubt (in REVERSAL_REFUSED, the one whose reversal
 *     the host refused)
 * @param resumeState the state before the pending request, returned to if it is declined or
 *     reversed
 * @param version increases by one with every change
 */
public record EscrowSnapshot(
    String id,
    String reference,
    String merchantId,
    String terminalId,
    String maskedPan,
    String cardToken,
    String scheme,
    EscrowState state,
    Money held,
    List<Capture> captures,
    Money refunded,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    Map<String, String> hostReferences,
    Optional<PendingRequest> pending,
    Optional<EscrowState> resumeState,
    long version) {

  public EscrowSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(terminalId, "terminalId");
    Objects.requireNonNull(maskedPan, "maskedPan");
    Objects.requireNonNull(cardToken, "cardToken");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(held, "held");
    Objects.requireNonNull(refunded, "refunded");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(resumeState, "resumeState");
    captures = List.copyOf(captures);
    hostReferences = Map.copyOf(hostReferences);
  }

  /** The sum of the approved captures. */
  public Money captured() {
    Money sum = Money.zero(held.currency());
    for (Capture capture : captures) {
      sum = sum.plus(capture.amount());
    }
    return sum;
  }

  /**
   * What is still held and not captured (zero once captured in full or released). Zero too from a
   * final capture on, also while the client is still cancelling the remainder at a host that
   * cannot be told a capture is the last one; the timeline says when that cancel is done. Zero in
   * the states left to an operator (ADVICE_DECLINED, REVERSAL_REFUSED): nothing is left for the
   * terminal to capture or release there, though the host may still hold funds.
   */
  public Money remainingHold() {
    if (state != EscrowState.HELD && state != EscrowState.PARTIALLY_CAPTURED) {
      return Money.zero(held.currency());
    }
    Money captured = captured();
    return captured.isGreaterThan(held) ? Money.zero(held.currency()) : held.minus(captured);
  }

  /** A copy in another state, one version later, with the request it waits on. */
  public EscrowSnapshot moveTo(
      EscrowState next,
      Instant at,
      Optional<PendingRequest> nextPending,
      Optional<EscrowState> nextResume) {
    return new EscrowSnapshot(
        id, reference, merchantId, terminalId, maskedPan, cardToken, scheme, next, held, captures,
        refunded, createdAt, at, expiresAt, hostReferences, nextPending, nextResume, version + 1);
  }

  /** This snapshot waiting on {@code nextPending} instead, same state and version. */
  public EscrowSnapshot withPending(Optional<PendingRequest> nextPending) {
    return new EscrowSnapshot(
        id, reference, merchantId, terminalId, maskedPan, cardToken, scheme, state, held,
        captures, refunded, createdAt, updatedAt, expiresAt, hostReferences, nextPending,
        resumeState, version);
  }

  /** This snapshot holding {@code nextHeld} (a hold the host approved for less than asked). */
  public EscrowSnapshot withHeld(Money nextHeld) {
    return new EscrowSnapshot(
        id, reference, merchantId, terminalId, maskedPan, cardToken, scheme, state, nextHeld,
        captures, refunded, createdAt, updatedAt, expiresAt, hostReferences, pending, resumeState,
        version);
  }

  public EscrowSnapshot withCaptures(List<Capture> nextCaptures) {
    return new EscrowSnapshot(
        id, reference, merchantId, terminalId, maskedPan, cardToken, scheme, state, held,
        nextCaptures, refunded, createdAt, updatedAt, expiresAt, hostReferences, pending,
        resumeState, version);
  }

  public EscrowSnapshot withRefunded(Money nextRefunded) {
    return new EscrowSnapshot(
        id, reference, merchantId, terminalId, maskedPan, cardToken, scheme, state, held, captures,
        nextRefunded, createdAt, updatedAt, expiresAt, hostReferences, pending, resumeState,
        version);
  }

  /** This snapshot with one host reference added, or replaced if it has one of that name. */
  public EscrowSnapshot withHostReference(String name, String value) {
    Map<String, String> references = new java.util.HashMap<>(hostReferences);
    references.put(name, value);
    return withHostReferences(references);
  }

  public EscrowSnapshot withHostReferences(Map<String, String> references) {
    return new EscrowSnapshot(
        id, reference, merchantId, terminalId, maskedPan, cardToken, scheme, state, held, captures,
        refunded, createdAt, updatedAt, expiresAt, references, pending, resumeState, version);
  }
}
