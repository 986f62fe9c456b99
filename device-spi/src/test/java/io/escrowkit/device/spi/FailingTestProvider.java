package io.escrowkit.device.spi;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.StubProvider;

/**
 * A provider whose constructor throws, as a vendor's can when its hardware library is missing.
 * Not registered in the test META-INF/services: {@link DeviceProviderDiscoveryTest} lists it in a
 * class loader of its own.
 */
public final class FailingTestProvider extends StubProvider {

  public FailingTestProvider() {
    super("failing-test", 500, false, DeviceComponent.CARD_READER);
    throw new IllegalStateException("test: the vendor's native library is missing");
  }
}
