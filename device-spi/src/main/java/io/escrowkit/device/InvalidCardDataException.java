package io.escrowkit.device;

/**
 * Card data that cannot be right: a PAN of the wrong length or failing its Luhn check, malformed
 * track 2, an over-long EMV data block. The message names the masked PAN, never the full one.
 *
 * <p>It is an {@link IllegalArgumentException} because it is raised while building a value from
 * arguments; a reader implementation that reads such data reports it to its caller as a {@link
 * DeviceException} of kind {@link DeviceFailure#CARD_READ_ERROR} with this as the cause.
 *
 * <p>Immutable and threadsafe.
 */
public class InvalidCardDataException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidCardDataException(String message) {
    super(message);
  }
}
