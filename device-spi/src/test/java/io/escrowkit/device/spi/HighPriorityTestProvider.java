package io.escrowkit.device.spi;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.StubProvider;

/** Registered in the test META-INF/services: a card reader and a display at priority 200. */
public final class HighPriorityTestProvider extends StubProvider {

  public HighPriorityTestProvider() {
    super("high-test", 200, false, DeviceComponent.CARD_READER, DeviceComponent.DISPLAY);
  }
}
