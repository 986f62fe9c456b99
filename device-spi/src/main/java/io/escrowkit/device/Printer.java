package io.escrowkit.device;

/** Prints receipts. Implementations say whether they are threadsafe. */
public interface Printer extends SelfTestable {

  /**
   * Prints the receipt and returns once it is printed.
   *
   * @throws DeviceException {@link DeviceFailure#OUT_OF_PAPER}, {@link
   *     DeviceFailure#HARDWARE_FAULT} (paper jam, overheated head) and the like
   */
  void print(Receipt receipt);
}
