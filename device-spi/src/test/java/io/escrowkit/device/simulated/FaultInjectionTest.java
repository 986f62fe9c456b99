package io.escrowkit.device.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.CardReadRequest;
import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.PinRequest;
import io.escrowkit.device.Receipt;
import io.escrowkit.device.SelfTestResult.Status;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every simulated component fails its next call, once, with exactly the injected failure. */
class FaultInjectionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final SimulatedDevice device = SimulatedDevice.withDemoDefaults(new Random(9));

  private SimulatedComponent component(DeviceComponent which) {
    return switch (which) {
      case CARD_READER -> device.simulatedCardReader();
      case PIN_PAD -> device.simulatedPinPad();
      case PRINTER -> device.simulatedPrinter();
      case DISPLAY -> device.simulatedDisplay();
      case SECURE_MODULE -> device.softwareSecureModule();
    };
  }

  private Consumer<SimulatedDevice> operation(DeviceComponent which) {
    return switch (which) {
      case CARD_READER ->
          d -> d.simulatedCardReader().read(CardReadRequest.anyEntryMode("CNY 1.00", TIMEOUT));
      case PIN_PAD ->
          d ->
              d.simulatedPinPad()
                  .requestPin(PinRequest.forCard(TestCards.unionPayChip(), "CNY 1.00", TIMEOUT));
      case PRINTER -> d -> d.simulatedPrinter().print(Receipt.of("TEST"));
      case DISPLAY -> d -> d.simulatedDisplay().show("TEST");
      case SECURE_MODULE ->
          d ->
              d.softwareSecureModule()
                  .mac(MacAlgorithm.ANSI_X9_19, SoftwareSecureModule.TEST_MAC_KEY_ID, new byte[8]);
    };
  }

  @ParameterizedTest
  @EnumSource(DeviceComponent.class)
  void injectedFailureHitsTheNextCallOnly(DeviceComponent which) {
    for (DeviceFailure failure : DeviceFailure.values()) {
      component(which).failNextCall(failure);

      assertThatThrownBy(() -> operation(which).accept(device))
          .isInstanceOfSatisfying(
              DeviceException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(failure);
                assertThat(e.component()).isEqualTo(which);
              })
          .hasMessageContaining(which.displayName())
          .hasMessageContaining("injected");
      operation(which).accept(device); // the fault is spent
    }
  }

  @ParameterizedTest
  @EnumSource(DeviceComponent.class)
  void selfTestReportsTheScriptedOutcome(DeviceComponent which) {
    SimulatedComponent component = component(which);
    assertThat(component.selfTest().status()).isEqualTo(Status.PASS);

    component.failSelfTest(DeviceFailure.TAMPERED, "tamper switch open");
    assertThat(component.selfTest().status()).isEqualTo(Status.FAIL);
    assertThat(component.selfTest().failure()).contains(DeviceFailure.TAMPERED);
    assertThat(component.selfTest().component()).isEqualTo(which);

    component.degradeSelfTest(DeviceFailure.OUT_OF_PAPER, "paper low");
    assertThat(component.selfTest().status()).isEqualTo(Status.DEGRADED);

    component.passSelfTest();
    assertThat(component.selfTest().status()).isEqualTo(Status.PASS);
  }

  @ParameterizedTest
  @EnumSource(DeviceComponent.class)
  void failingSelfTestDoesNotFailOperations(DeviceComponent which) {
    component(which).failSelfTest(DeviceFailure.HARDWARE_FAULT, "reported only");

    operation(which).accept(device);
  }
}
