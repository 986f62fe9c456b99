package io.escrowkit.device;

/**
 * Reads one card: magnetic stripe, contact chip, contactless or manual entry. Implementations say
 * whether they are threadsafe; the SDK never reads two cards at once on one reader.
 */
public interface CardReader extends SelfTestable {

  /**
   * Waits for a card presented in one of the allowed entry modes and returns its data.
   *
   * @throws DeviceException {@link DeviceFailure#TIMEOUT} when no card came in time, {@link
   *     DeviceFailure#CANCELLED_BY_USER}, {@link DeviceFailure#CARD_READ_ERROR}, {@link
   *     DeviceFailure#CHIP_ERROR} and the like when reading failed
   */
  CardData read(CardReadRequest request);
}
