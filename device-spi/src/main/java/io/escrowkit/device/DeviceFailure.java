package io.escrowkit.device;

/**
 * What went wrong on the device, grouped by what the caller can do about it. Immutable and
 * threadsafe.
 */
public enum DeviceFailure {
  /** The terminal has no such component, or no provider offers it. */
  NOT_PRESENT(false),
  /** Nothing happened within the request's timeout: no card presented, no PIN entered. */
  TIMEOUT(true),
  /** The cardholder or operator pressed cancel. */
  CANCELLED_BY_USER(true),
  /** The card was presented but its data could not be read (bad swipe, unreadable track). */
  CARD_READ_ERROR(true),
  /** The chip did not answer or the EMV kernel refused the card; fallback may apply. */
  CHIP_ERROR(true),
  /** The card was removed before the chip transaction finished. */
  CARD_REMOVED(true),
  /** PIN entry did not complete (too few digits, PIN pad error). */
  PIN_ENTRY_FAILED(true),
  /** The printer has no paper; printing can be retried once paper is loaded. */
  OUT_OF_PAPER(true),
  /** The component is busy with another request. */
  BUSY(true),
  /** The component reported a hardware fault; service is needed. */
  HARDWARE_FAULT(false),
  /** The secure module detected tampering and erased its keys; the terminal must not be used. */
  TAMPERED(false),
  /** The key the request names is not loaded (key injection or sign-on needed). */
  KEY_MISSING(false),
  /** The key exists but does not suit the request (wrong length or type for the algorithm). */
  KEY_INVALID(false),
  /**
   * A key to load does not match its check value: damaged on the way, or encrypted under another
   * master key. Nothing was loaded; asking the host for the keys again (a new sign-on) may work.
   */
  KEY_CHECK_FAILED(true),
  /** The component cannot do what was asked (a PIN block format or MAC algorithm it lacks). */
  UNSUPPORTED(false);

  private final boolean retryable;

  DeviceFailure(boolean retryable) {
    this.retryable = retryable;
  }

  /**
   * True when the same request may succeed if tried again, possibly after the operator acts
   * (presents the card again, loads paper). False when the terminal needs configuration or service
   * first.
   */
  public boolean retryable() {
    return retryable;
  }
}
