package io.escrowkit.internal;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hold the host approved for less than was asked (ISO 8583 response code 10, the approved amount
 * in {@link io.escrowkit.spi.HostReference#APPROVED_AMOUNT}): the escrow holds what the host
 * holds, so captures are checked against it and a release releases it. Stateless.
 */
final class PartialApprovals {
  private static final Logger log = LoggerFactory.getLogger(PartialApprovals.class);

  private PartialApprovals() {}

  /**
   * {@code approved} {@code escrow} with the approved amount held, when it is a whole number of
   * minor units between zero and the amount asked; else unchanged, the amount unreadable logged.
   */
  static EscrowSnapshot held(EscrowSnapshot approved, String approvedMinorUnits) {
    Money asked = approved.held();
    long minor;
    try {
      minor = Long.parseLong(approvedMinorUnits);
    } catch (NumberFormatException notANumber) {
      log.warn("escrow {}: the host's approved amount '{}' is not a number; holding {} as asked",
          approved.id(), approvedMinorUnits, asked);
      return approved;
    }
    if (minor <= 0 || minor >= asked.minorUnits()) {
      return approved;
    }
    Money partial = Money.ofMinor(minor, asked.currency().getCurrencyCode());
    log.warn("escrow {}: the host approved {} of the {} asked; holding {}", approved.id(), partial,
        asked, partial);
    return approved.withHeld(partial);
  }
}
