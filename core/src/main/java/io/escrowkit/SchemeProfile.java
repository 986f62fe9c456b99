package io.escrowkit;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A card scheme's escrow rules: how far a capture may exceed the hold, whether a hold may be
 * captured in several parts, how long a hold stays valid, and what voiding a capture does.
 * Immutable and threadsafe.
 *
 * @param name shown in logs and errors
 * @param captureTolerancePercent total captures may reach this percentage of the hold (115 lets a
 *     128.00 hold be captured up to 147.20)
 * @param multipleCaptures whether a hold may be captured in several parts; when false, the first
 *     capture is final and releases any remainder
 * @param holdValidity how long a hold lasts before it expires uncaptured
 * @param voidRestoresHold whether voiding a capture puts its amount back on the hold (else it goes
 *     back to the card: the escrow keeps the rest of an open hold and the other captures, and
 *     ends VOIDED when nothing is left)
 * @param businessZone the zone whose calendar day bounds a void ("same business day")
 * @param reversalFirst whether a reversal the terminal still owes is sent, and acknowledged,
 *     before the terminal's next online request (UnionPay POS terminals must)
 * @param forwarded requests that are stored and forwarded rather than reversed when their answer
 *     never comes (UnionPay refunds are advices, 0220, repeated as 0221 until acknowledged; add
 *     CAPTURE when the transport sends completions as advices)
 */
public record SchemeProfile(
    String name,
    int captureTolerancePercent,
    boolean multipleCaptures,
    Duration holdValidity,
    boolean voidRestoresHold,
    ZoneId businessZone,
    boolean reversalFirst,
    java.util.Set<Operation> forwarded) {

  public SchemeProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holdValidity, "holdValidity");
    Objects.requireNonNull(businessZone, "businessZone");
    forwarded = java.util.Set.copyOf(forwarded);
    if (forwarded.contains(Operation.HOLD)) {
      throw new IllegalArgumentException("a hold is never forwarded: an unanswered hold is reversed");
    }
    if (name.trim().isEmpty()) {
      throw new IllegalArgumentException("scheme profile name must not be blank");
    }
    if (captureTolerancePercent < 1 || captureTolerancePercent > 1000) {
      throw new IllegalArgumentException(
          "captureTolerancePercent must be 1..1000, got " + captureTolerancePercent);
    }
    if (holdValidity.isNegative() || holdValidity.isZero()) {
      throw new IllegalArgumentException("holdValidity must be positive, got " + holdValidity);
    }
  }

  /**
   * China UnionPay pre-authorization: one completion of up to 115% of the hold (the rest is
   * released with it), holds valid 30 days, a completion void restores the pre-authorization, the
   * business day is Beijing time, and an owed reversal goes out before the next request.
   */
  public static SchemeProfile unionPay() {
    return new SchemeProfile(
        "UnionPay", 115, false, Duration.ofDays(30), true, ZoneId.of("Asia/Shanghai"), true,
        java.util.Set.of(Operation.REFUND));
  }

  /**
   * A conservative profile for other card schemes: captures in several parts up to the held
   * amount, holds valid 7 days, a void restores the hold, business day in UTC. Adjust with
   * {@link #toBuilder()} to the acquirer's contract (e.g. a tolerance for tips).
   */
  public static SchemeProfile genericCard() {
    return new SchemeProfile(
        "GenericCard", 100, true, Duration.ofDays(7), true, ZoneId.of("UTC"), false,
        java.util.Set.of());
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether an unanswered {@code operation} is forwarded again rather than reversed. */
  public boolean forwards(Operation operation) {
    return forwarded.contains(operation);
  }

  /** The most that all captures of a hold may add up to. */
  public Money captureLimit(Money held) {
    return held.percent(captureTolerancePercent);
  }

  /** Derives a variant of a profile. Not threadsafe; {@link #build()} copies its state. */
  public static final class Builder {
    private String name;
    private int captureTolerancePercent;
    private boolean multipleCaptures;
    private Duration holdValidity;
    private boolean voidRestoresHold;
    private ZoneId businessZone;
    private boolean reversalFirst;
    private java.util.Set<Operation> forwarded;

    Builder(SchemeProfile from) {
      name = from.name;
      captureTolerancePercent = from.captureTolerancePercent;
      multipleCaptures = from.multipleCaptures;
      holdValidity = from.holdValidity;
      voidRestoresHold = from.voidRestoresHold;
      businessZone = from.businessZone;
      reversalFirst = from.reversalFirst;
      forwarded = from.forwarded;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder captureTolerancePercent(int percent) {
      this.captureTolerancePercent = percent;
      return this;
    }

    public Builder multipleCaptures(boolean allowed) {
      this.multipleCaptures = allowed;
      return this;
    }

    public Builder holdValidity(Duration validity) {
      this.holdValidity = validity;
      return this;
    }

    public Builder voidRestoresHold(boolean restores) {
      this.voidRestoresHold = restores;
      return this;
    }

    public Builder businessZone(ZoneId zone) {
      this.businessZone = zone;
      return this;
    }

    public Builder reversalFirst(boolean first) {
      this.reversalFirst = first;
      return this;
    }

    public Builder forwarded(java.util.Set<Operation> operations) {
      this.forwarded = operations;
      return this;
    }

    public SchemeProfile build() {
      return new SchemeProfile(
          name, captureTolerancePercent, multipleCaptures, holdValidity, voidRestoresHold,
          businessZone, reversalFirst, forwarded);
    }
  }
}
