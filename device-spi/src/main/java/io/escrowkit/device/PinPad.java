package io.escrowkit.device;

/**
 * Takes the cardholder's PIN and hands back only an encrypted PIN block; the clear PIN never leaves
 * the PIN pad. Implementations say whether they are threadsafe.
 */
public interface PinPad extends SelfTestable {

  /**
   * Shows the amount, waits for the PIN and returns it encrypted in the requested format.
   *
   * @throws DeviceException {@link DeviceFailure#TIMEOUT}, {@link DeviceFailure#CANCELLED_BY_USER},
   *     {@link DeviceFailure#PIN_ENTRY_FAILED}, {@link DeviceFailure#KEY_MISSING} when the PIN key
   *     is not loaded, {@link DeviceFailure#UNSUPPORTED} for a format the PIN pad cannot form
   */
  PinBlock requestPin(PinRequest request);
}
