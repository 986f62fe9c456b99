package io.escrowkit.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceExceptionTest {

  @Test
  void messageSaysWhereAndWhat() {
    DeviceException e =
        new DeviceException(DeviceFailure.TIMEOUT, DeviceComponent.CARD_READER, "no card in PT30S");

    assertThat(e).hasMessage("card reader: TIMEOUT: no card in PT30S");
    assertThat(e.failure()).isEqualTo(DeviceFailure.TIMEOUT);
    assertThat(e.component()).isEqualTo(DeviceComponent.CARD_READER);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void keepsTheCause() {
    IllegalStateException cause = new IllegalStateException("jam");

    DeviceException e =
        new DeviceException(
            DeviceFailure.HARDWARE_FAULT, DeviceComponent.PRINTER, "head fault", cause);

    assertThat(e).hasCause(cause);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void configurationFailuresAreNotRetryable() {
    assertThat(DeviceFailure.KEY_MISSING.retryable()).isFalse();
    assertThat(DeviceFailure.TAMPERED.retryable()).isFalse();
    assertThat(DeviceFailure.NOT_PRESENT.retryable()).isFalse();
    assertThat(DeviceFailure.OUT_OF_PAPER.retryable()).isTrue();
  }
}
