package io.escrowkit.iso8583.mapping;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;

/** How a failure of the terminal's secure module reaches the transport. Stateless. */
final class SecureModuleFailures {

  private SecureModuleFailures() {}

  /**
   * {@code failed}, thrown by a call into the module, as a {@link DeviceException}: its own, or a
   * driver's other runtime exception as a hardware fault of the secure module, named by class only
   * (a driver's message may carry the data it was given: card data, key material).
   */
  static DeviceException of(RuntimeException failed) {
    if (failed instanceof DeviceException) {
      return (DeviceException) failed;
    }
    return new DeviceException(DeviceFailure.HARDWARE_FAULT, DeviceComponent.SECURE_MODULE,
        "the secure module's driver threw " + failed.getClass().getName());
  }
}
