package io.escrowkit.device.spi;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.Devices;
import io.escrowkit.device.SimulatedDevices;
import io.escrowkit.device.StubProvider;
import io.escrowkit.device.simulated.SimulatedDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * A listed provider that cannot be loaded (its constructor throws, its class is missing) is
   * left out and named; the others are still found.
   */
  @Test
  void aProviderThatCannotBeLoadedIsNamedAndHidesNoOther(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services/" + DeviceProvider.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, FailingTestProvider.class.getName() + "\n"
        + "io.escrowkit.device.spi.NoSuchTestProvider\n");
    try (URLClassLoader withBroken =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, classLoader)) {
      Devices devices = Devices.load(withBroken);

      assertThat(devices.providers())
          .extracting(DeviceProvider::name)
          .containsExactly("high-test", "low-test");
      assertThat(devices.brokenProviders()).hasSize(2);
      assertThat(devices.brokenProviders().get(0)).contains(FailingTestProvider.class.getName());
      assertThat(devices.brokenProviders().get(1)).contains("NoSuchTestProvider");
      assertThatThrownBy(devices::pinPad).hasMessageContaining("could not be loaded");
    }
  }

  /** A provider class file this Java cannot define (built for a newer one) is named too. */
  @Test
  void aProviderWhoseClassCannotBeDefinedIsNamed(@TempDir Path dir) throws Exception {
    String name = FailingTestProvider.class.getName();
    byte[] newer;
    try (var in = classLoader.getResourceAsStream(name.replace('.', '/') + ".class")) {
      newer = in.readAllBytes();
    }
    newer[6] = 0;
    newer[7] = 99; // class file major version 99
    Path file = dir.resolve(name.replace('.', '/') + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, newer);
    Path services = dir.resolve("META-INF/services/" + DeviceProvider.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, name + "\n");
    // Not the test class path as parent, which would define the class as built.
    try (URLClassLoader alone = new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Devices devices = Devices.load(alone);

      assertThat(devices.providers()).isEmpty();
      assertThat(devices.brokenProviders())
          .singleElement()
          .asString()
          .contains("UnsupportedClassVersionError");
    }
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
