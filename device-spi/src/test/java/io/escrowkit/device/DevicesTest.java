package io.escrowkit.device;

import static io.escrowkit.device.DeviceComponent.CARD_READER;
import static io.escrowkit.device.DeviceComponent.DISPLAY;
import static io.escrowkit.device.DeviceComponent.PIN_PAD;
import static io.escrowkit.device.DeviceComponent.PRINTER;
import static io.escrowkit.device.DeviceComponent.SECURE_MODULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.SelfTestResult.Status;
import io.escrowkit.device.simulated.SimulatedDevice;
import io.escrowkit.device.spi.DeviceProvider;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DevicesTest {

  @Test
  void higherPriorityProviderWinsEachComponent() {
    StubProvider low = new StubProvider("low", 10, false, CARD_READER, PRINTER);
    StubProvider high = new StubProvider("high", 100, false, CARD_READER, PIN_PAD);

    Devices devices = Devices.of(low, high);

    assertThat(devices.providers()).containsExactly(high, low);
    assertThat(StubProvider.owner(devices.cardReader())).isEqualTo("high");
    assertThat(StubProvider.owner(devices.pinPad())).isEqualTo("high");
    assertThat(StubProvider.owner(devices.printer())).isEqualTo("low");
  }

  @Test
  void equalPrioritiesKeepTheGivenOrder() {
    StubProvider first = new StubProvider("first", 5, false, CARD_READER);
    StubProvider second = new StubProvider("second", 5, false, CARD_READER);

    assertThat(Devices.of(first, second).providers()).containsExactly(first, second);
    assertThat(StubProvider.owner(Devices.of(first, second).cardReader())).isEqualTo("first");
  }

  @Test
  void providersListIsUnmodifiable() {
    Devices devices = Devices.of(new StubProvider("a", 1, false));

    assertThatThrownBy(() -> devices.providers().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void missingComponentIsNotPresentWithAClearMessage() {
    Devices devices = Devices.of(new StubProvider("acme", 100, false, CARD_READER));

    assertThat(devices.has(CARD_READER)).isTrue();
    assertThat(devices.has(PRINTER)).isFalse();
    assertThatThrownBy(devices::printer)
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(DeviceFailure.NOT_PRESENT);
              assertThat(e.component()).isEqualTo(PRINTER);
            })
        .hasMessageContaining("printer: NOT_PRESENT")
        .hasMessageContaining("acme(priority 100)");
  }

  @Test
  void explicitWiringUsesSimulatedProviders() {
    SimulatedDevice simulated = SimulatedDevice.blank(new Random(1));

    Devices devices = Devices.of(simulated);

    assertThat(devices.providers()).containsExactly(simulated);
    assertThat(devices.skippedSimulatedProviders()).isEmpty();
    assertThat(devices.cardReader()).isSameAs(simulated.simulatedCardReader());
  }

  @Test
  void selfTestReportsEveryComponentInComponentOrder() {
    SimulatedDevice simulated = SimulatedDevice.blank(new Random(1));
    simulated.simulatedPrinter().failSelfTest(DeviceFailure.OUT_OF_PAPER, "paper out");
    simulated.simulatedDisplay().degradeSelfTest(DeviceFailure.HARDWARE_FAULT, "backlight dim");

    var results = Devices.of(simulated).selfTest();

    assertThat(results)
        .extracting(SelfTestResult::component)
        .containsExactly(CARD_READER, PIN_PAD, PRINTER, DISPLAY, SECURE_MODULE);
    assertThat(results)
        .extracting(SelfTestResult::status)
        .containsExactly(Status.PASS, Status.PASS, Status.FAIL, Status.DEGRADED, Status.PASS);
    assertThat(results.get(2).failure()).contains(DeviceFailure.OUT_OF_PAPER);
    assertThat(results.get(2).detail()).isEqualTo("paper out");
  }

  @Test
  void selfTestThatThrowsIsReportedAsFailureWithoutHidingOthers() {
    Printer broken =
        new Printer() {
          @Override
          public void print(Receipt receipt) {}

          @Override
          public SelfTestResult selfTest() {
            throw new IllegalStateException("driver crashed");
          }
        };
    Display tampered =
        new Display() {
          @Override
          public void show(String message) {}

          @Override
          public boolean confirm(String question, java.time.Duration timeout) {
            return false;
          }

          @Override
          public SelfTestResult selfTest() {
            throw new DeviceException(DeviceFailure.TAMPERED, DISPLAY, "case opened");
          }
        };
    DeviceProvider provider =
        new StubProvider("acme", 100, false, CARD_READER) {
          @Override
          public Optional<Printer> printer() {
            return Optional.of(broken);
          }

          @Override
          public Optional<Display> display() {
            return Optional.of(tampered);
          }
        };

    var results = Devices.of(provider).selfTest();

    assertThat(results)
        .extracting(SelfTestResult::component)
        .containsExactly(CARD_READER, PRINTER, DISPLAY);
    assertThat(results.get(0).status()).isEqualTo(Status.PASS);
    assertThat(results.get(1).failure()).contains(DeviceFailure.HARDWARE_FAULT);
    assertThat(results.get(1).detail()).contains("driver crashed");
    assertThat(results.get(2).failure()).contains(DeviceFailure.TAMPERED);
    assertThat(results.get(2).detail()).contains("case opened");
  }

  @Test
  void providerReturningNullInsteadOfEmptyIsNamed() {
    DeviceProvider careless =
        new StubProvider("careless", 1, false) {
          @Override
          public Optional<Printer> printer() {
            return null;
          }
        };

    assertThatThrownBy(() -> Devices.of(careless))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("careless")
        .hasMessageContaining("printer");
  }
}
