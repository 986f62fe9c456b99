package io.escrowkit.device.spi;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.StubProvider;

/** Registered in the test META-INF/services: a card reader and a printer at priority 100. */
public final class LowPriorityTestProvider extends StubProvider {

  public LowPriorityTestProvider() {
    super("low-test", 100, false, DeviceComponent.CARD_READER, DeviceComponent.PRINTER);
  }
}
