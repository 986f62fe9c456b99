package io.escrowkit.spi;

import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import io.escrowkit.device.PinBlock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request for a transport to carry. Immutable. Holds card data only in memory: it is never
 * journaled, and {@link #toString()} shows the masked PAN only.
 *
 * @param type what to ask the host
 * @param operationId unique id of the request (HTTP transports send it as the idempotency key)
 * @param escrowId the escrow it belongs to
 * @param merchantId merchant id (field 42)
 * @param terminalId terminal id (field 41)
 * @param trace system trace audit number (field 11); a reversal repeats the original's
 * @param transmittedAt transmission time by the client's clock (field 7)
 * @param transactedAt when the transaction took place at the terminal (fields 12, 13): the
 *     transmission time, except for an offline capture's advice (the capture's time, however
 *     late the advice goes)
 * @param deadline when the transport must have answered, with an unknown outcome if need be
 * @param amount the amount this request carries
 * @param holdAmount what the escrow's hold holds: the amount approved, lowered to what was
 *     captured once a release or a cancel of the remainder gave the rest back
 * @param card the card, present on a hold while the card is at hand; absent on follow-ups and
 *     always absent after a restart
 * @param pinBlock the encrypted PIN block, on a hold when the cardholder entered a PIN
 * @param hostReferences what the host returned with the hold, for follow-ups
 * @param original for a reversal: the request being reversed
 * @param reversalReason for a reversal: its reason code (field 39), e.g. "98"
 * @param completesHold for a capture: it is the last one, and the host releases whatever remains
 *     of the hold (always so under single-capture schemes such as UnionPay)
 * @param repeat this request was sent before and its answer never came; it is forwarded again
 *     (store and forward: a UnionPay advice 0220 goes again as 0221), same trace, never reversed
 */
public record TransportRequest(
    RequestType type,
    String operationId,
    String escrowId,
    String merchantId,
    String terminalId,
    long trace,
    Instant transmittedAt,
    Instant transactedAt,
    Instant deadline,
    Money amount,
    Money holdAmount,
    Optional<CardData> card,
    Optional<PinBlock> pinBlock,
    Map<String, String> hostReferences,
    Optional<OriginalRequest> original,
    Optional<String> reversalReason,
    boolean completesHold,
    boolean repeat) {

  public TransportRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(escrowId, "escrowId");
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(terminalId, "terminalId");
    Objects.requireNonNull(transmittedAt, "transmittedAt");
    Objects.requireNonNull(transactedAt, "transactedAt");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(holdAmount, "holdAmount");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(pinBlock, "pinBlock");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(reversalReason, "reversalReason");
    hostReferences = Map.copyOf(hostReferences);
    if ((type == RequestType.REVERSAL) != original.isPresent()) {
      throw new IllegalArgumentException("a reversal, and only a reversal, names its original");
    }
  }

  /**
   * A builder for a request of {@code type}: escrow, merchant, terminal, times and amounts must be
   * set; card, PIN block, original and reason are absent, host references empty and the flags
   * false unless set.
   */
  public static Builder builder(RequestType type) {
    return new Builder(type);
  }

  /** The same request, to be forwarded again at {@code now}. */
  public TransportRequest asRepeat(Instant now, Instant newDeadline) {
    return toBuilder().transmittedAt(now).deadline(newDeadline).repeat(true).build();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    return builder(type).operationId(operationId).escrow(escrowId, merchantId, terminalId)
        .trace(trace).transmittedAt(transmittedAt).transactedAt(transactedAt).deadline(deadline)
        .amount(amount)
        .holdAmount(holdAmount).card(card).pinBlock(pinBlock).hostReferences(hostReferences)
        .original(original).reversalReason(reversalReason).completesHold(completesHold)
        .repeat(repeat);
  }

  @Override
  public String toString() {
    return "TransportRequest[" + type + " " + operationId + " escrow=" + escrowId + " trace="
        + trace + " amount=" + amount + " card=" + card.map(CardData::maskedPan).orElse("-")
        + original.map(o -> " reverses=" + o.type() + "/" + o.trace()).orElse("")
        + (repeat ? " repeat" : "") + "]";
  }

  /** Builds a {@link TransportRequest}; {@link #build()} checks it. Not threadsafe. */
  public static final class Builder {
    private final RequestType type;
    private String operationId;
    private String escrowId;
    private String merchantId;
    private String terminalId;
    private long trace;
    private Instant transmittedAt;
    private Instant transactedAt;
    private Instant deadline;
    private Money amount;
    private Money holdAmount;
    private Optional<CardData> card = Optional.empty();
    private Optional<PinBlock> pinBlock = Optional.empty();
    private Map<String, String> hostReferences = Map.of();
    private Optional<OriginalRequest> original = Optional.empty();
    private Optional<String> reversalReason = Optional.empty();
    private boolean completesHold;
    private boolean repeat;

    private Builder(RequestType type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    public Builder operationId(String operationId) {
      this.operationId = operationId;
      return this;
    }

    /** The escrow and the merchant and terminal it belongs to (fields 42 and 41). */
    public Builder escrow(String escrowId, String merchantId, String terminalId) {
      this.escrowId = escrowId;
      this.merchantId = merchantId;
      this.terminalId = terminalId;
      return this;
    }

    public Builder trace(long trace) {
      this.trace = trace;
      return this;
    }

    /** When the transaction took place at the terminal; the transmission time unless set. */
    public Builder transactedAt(Instant transactedAt) {
      this.transactedAt = transactedAt;
      return this;
    }

    public Builder transmittedAt(Instant transmittedAt) {
      this.transmittedAt = transmittedAt;
      return this;
    }

    public Builder deadline(Instant deadline) {
      this.deadline = deadline;
      return this;
    }

    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    public Builder holdAmount(Money holdAmount) {
      this.holdAmount = holdAmount;
      return this;
    }

    public Builder card(Optional<CardData> card) {
      this.card = card;
      return this;
    }

    public Builder pinBlock(Optional<PinBlock> pinBlock) {
      this.pinBlock = pinBlock;
      return this;
    }

    public Builder hostReferences(Map<String, String> hostReferences) {
      this.hostReferences = hostReferences;
      return this;
    }

    public Builder original(Optional<OriginalRequest> original) {
      this.original = original;
      return this;
    }

    public Builder reversalReason(Optional<String> reversalReason) {
      this.reversalReason = reversalReason;
      return this;
    }

    public Builder completesHold(boolean completesHold) {
      this.completesHold = completesHold;
      return this;
    }

    public Builder repeat(boolean repeat) {
      this.repeat = repeat;
      return this;
    }

    /**
     * The request.
     *
     * @throws NullPointerException naming the first required value not set
     * @throws IllegalArgumentException when a reversal lacks its original, or another type has one
     */
    public TransportRequest build() {
      return new TransportRequest(type, operationId, escrowId, merchantId, terminalId, trace,
          transmittedAt, transactedAt != null ? transactedAt : transmittedAt, deadline, amount,
          holdAmount, card, pinBlock, hostReferences, original, reversalReason, completesHold,
          repeat);
    }
  }
}
