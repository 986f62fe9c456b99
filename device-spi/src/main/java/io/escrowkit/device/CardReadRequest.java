package io.escrowkit.device;

import io.escrowkit.device.internal.Requests;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Asks a card reader for one card. Immutable and threadsafe.
 *
 * @param amountText what the reader shows the cardholder while waiting, e.g. {@code "CNY 128.00"}
 * @param allowedEntryModes how the card may be presented; never empty
 * @param timeout how long to wait for a card before failing with {@link DeviceFailure#TIMEOUT}
 */
public record CardReadRequest(
    String amountText, Set<EntryMode> allowedEntryModes, Duration timeout) {

  public CardReadRequest {
    Requests.displayText(amountText, "amountText");
    Objects.requireNonNull(allowedEntryModes, "allowedEntryModes");
    if (allowedEntryModes.isEmpty()) {
      throw new IllegalArgumentException("allowedEntryModes must name at least one entry mode");
    }
    allowedEntryModes = Collections.unmodifiableSet(EnumSet.copyOf(allowedEntryModes));
    Requests.positive(timeout, "timeout");
  }

  /** A request allowing the given entry modes. */
  public static CardReadRequest of(
      String amountText, Duration timeout, EntryMode first, EntryMode... more) {
    return new CardReadRequest(amountText, EnumSet.of(first, more), timeout);
  }

  /** A request allowing every entry mode. */
  public static CardReadRequest anyEntryMode(String amountText, Duration timeout) {
    return new CardReadRequest(amountText, EnumSet.allOf(EntryMode.class), timeout);
  }

  public boolean allows(EntryMode entryMode) {
    return allowedEntryModes.contains(entryMode);
  }
}
