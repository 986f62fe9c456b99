package io.escrowkit.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.SelfTestResult.Status;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelfTestResultTest {

  @Test
  void passNamesNoFailure() {
    assertThatThrownBy(
            () ->
                new SelfTestResult(
                    DeviceComponent.PRINTER,
                    Status.PASS,
                    "ok",
                    Optional.of(DeviceFailure.OUT_OF_PAPER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("printer");
  }

  @Test
  void failAlwaysNamesAFailure() {
    assertThatThrownBy(
            () -> new SelfTestResult(DeviceComponent.PRINTER, Status.FAIL, "bad", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without naming a failure");
  }

  @Test
  void onlyFailIsUnusable() {
    assertThat(SelfTestResult.pass(DeviceComponent.DISPLAY, "ok").usable()).isTrue();
    assertThat(
            SelfTestResult.degraded(
                    DeviceComponent.PRINTER, "paper low", DeviceFailure.OUT_OF_PAPER)
                .usable())
        .isTrue();
    assertThat(
            SelfTestResult.fail(DeviceComponent.PIN_PAD, "tamper", DeviceFailure.TAMPERED).usable())
        .isFalse();
  }
}
