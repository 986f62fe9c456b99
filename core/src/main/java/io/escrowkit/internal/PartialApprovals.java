package io.escrowkit.internal;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.PendingRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the host approved for less than was asked (ISO 8583 response code 10, the approved
 * amount in {@link io.escrowkit.spi.HostReference#APPROVED_AMOUNT}): the escrow records what the
 * host did. A hold holds the approved amount, so captures are checked against it and a release
 * releases it; a capture captures it, a refund refunds it. Stateless.
 */
final class PartialApprovals {
  private static final Logger log = LoggerFactory.getLogger(PartialApprovals.class);

  private PartialApprovals() {}

  /**
   * The part of {@code sent}'s pending request the host approved: a whole number of minor units
   * above zero and below the amount asked, for a hold, capture or refund; else empty (the
   * amount asked stands), an unreadable amount logged.
   */
  static Optional<Money> partOf(EscrowSnapshot sent, String approvedMinorUnits) {
    Optional<PendingRequest> pending = sent.pending();
    if (approvedMinorUnits == null || !pending.isPresent() || !applies(pending.get())) {
      return Optional.empty();
    }
    Money asked = pending.get().amount();
    long minor;
    try {
      minor = Long.parseLong(approvedMinorUnits);
    } catch (NumberFormatException notANumber) {
      log.warn("escrow {}: the host's approved amount '{}' is not a number; {} as asked",
          sent.id(), approvedMinorUnits, asked);
      return Optional.empty();
    }
    if (minor <= 0 || minor >= asked.minorUnits()) {
      return Optional.empty();
    }
    return Optional.of(Money.ofMinor(minor, asked.currency().getCurrencyCode()));
  }

  /** {@code sent} as the host approved it: its pending request (and a hold) for {@code part}. */
  static EscrowSnapshot asApproved(EscrowSnapshot sent, Money part) {
    PendingRequest request = sent.pending().get();
    log.warn("escrow {}: the host approved {} of the {} asked for its {}", sent.id(), part,
        request.amount(), request.operation());
    // A capture that completed the hold as asked still does, for less: the host closed it.
    boolean completedHold = request.finalCapture() || (request.operation() == Operation.CAPTURE
        && !sent.held().isGreaterThan(sent.captured().plus(request.amount())));
    PendingRequest asApproved = new PendingRequest(request.operation(), request.operationId(),
        request.idempotencyKey(), part, completedHold, request.trace(), request.sentAt());
    EscrowSnapshot approved = sent.withPending(Optional.of(asApproved));
    return request.operation() == Operation.HOLD ? approved.withHeld(part) : approved;
  }

  /** Words for the timeline: what was approved of what was asked. */
  static String note(EscrowSnapshot sent, Money part) {
    PendingRequest request = sent.pending().get();
    String doing = request.operation() == Operation.HOLD ? "holding"
        : request.operation() == Operation.REFUND ? "refunding" : "capturing";
    return " for part of the amount: " + doing + " " + part + " of " + request.amount();
  }

  private static boolean applies(PendingRequest request) {
    return request.operation() == Operation.HOLD || request.operation() == Operation.CAPTURE
        || request.operation() == Operation.REFUND;
  }
}
