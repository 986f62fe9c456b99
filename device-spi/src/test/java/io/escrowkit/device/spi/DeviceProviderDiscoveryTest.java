package io.escrowkit.device.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.Devices;
import io.escrowkit.device.SimulatedDevices;
import io.escrowkit.device.StubProvider;
import io.escrowkit.device.simulated.SimulatedDevice;
import org.junit.jupiter.api.Test;

/**
 * Discovery through {@link java.util.ServiceLoader}: the main resources register {@link
 * SimulatedDevice}, the test resources {@link HighPriorityTestProvider} and {@link
 * LowPriorityTestProvider}.
 */
class DeviceProviderDiscoveryTest {

  private final ClassLoader classLoader = getClass().getClassLoader();

  @Test
  void simulatedDeviceIsLeftOutByDefault() {
    Devices devices = Devices.load(classLoader);

    assertThat(devices.providers())
        .extracting(DeviceProvider::name)
        .containsExactly("high-test", "low-test");
    assertThat(devices.skippedSimulatedProviders()).containsExactly(SimulatedDevice.NAME);
  }

  @Test
  void simulatedDeviceIsUsedOnlyWhenAllowed() {
    Devices devices = Devices.load(classLoader, SimulatedDevices.ALLOWED);

    assertThat(devices.providers())
        .extracting(DeviceProvider::name)
        .containsExactly("high-test", "low-test", SimulatedDevice.NAME);
    assertThat(devices.providers().get(2)).isInstanceOf(SimulatedDevice.class);
    assertThat(devices.skippedSimulatedProviders()).isEmpty();
    assertThat(devices.pinPad())
        .isSameAs(((SimulatedDevice) devices.providers().get(2)).simulatedPinPad());
  }

  @Test
  void loadWithoutArgumentsUsesTheContextClassLoaderAndExcludesSimulated() {
    Devices devices = Devices.load();

    assertThat(devices.providers()).noneMatch(DeviceProvider::simulated);
    assertThat(devices.skippedSimulatedProviders()).contains(SimulatedDevice.NAME);
  }

  @Test
  void highestPriorityProviderOfferingAComponentWins() {
    Devices devices = Devices.load(classLoader, SimulatedDevices.ALLOWED);

    assertThat(StubProvider.owner(devices.cardReader())).isEqualTo("high-test");
    assertThat(StubProvider.owner(devices.display())).isEqualTo("high-test");
    assertThat(StubProvider.owner(devices.printer())).isEqualTo("low-test");
  }

  @Test
  void componentOnlyASkippedSimulatorOffersPointsAtTheOptIn() {
    Devices devices = Devices.load(classLoader);

    assertThatThrownBy(devices::pinPad)
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.failure()).isEqualTo(DeviceFailure.NOT_PRESENT))
        .hasMessageContaining("PIN pad")
        .hasMessageContaining("[simulated]")
        .hasMessageContaining("SimulatedDevices.ALLOWED");
  }
}
