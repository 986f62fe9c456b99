package io.escrowkit.device.simulated;

import static io.escrowkit.device.simulated.SoftwareSecureModule.TEST_MASTER_KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.SelfTestResult;
import io.escrowkit.device.WorkingKey;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Working keys issued by a host's module and loaded into a terminal's, as at sign-on. */
class WorkingKeyLoadingTest {
  private static final byte[] DATA = "0200 TEST MAC DATA".getBytes(StandardCharsets.US_ASCII);

  private final SoftwareSecureModule host = SoftwareSecureModule.withTestKeys(new Random(1));
  private final SoftwareSecureModule terminal = SoftwareSecureModule.withTestKeys(new Random(2));

  private static DeviceFailure failureOf(Runnable call) {
    try {
      call.run();
    } catch (DeviceException e) {
      return e.failure();
    }
    throw new AssertionError("no DeviceException");
  }

  @Test
  void issuedKeyLoadsAndBothSidesComputeTheSameMac() {
    WorkingKey issued = host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 16, 4);

    terminal.loadWorkingKey(issued);

    assertThat(terminal.keyIds()).contains("MAK");
    assertThat(terminal.mac(MacAlgorithm.ANSI_X9_19, "MAK", DATA))
        .isEqualTo(host.mac(MacAlgorithm.ANSI_X9_19, "MAK", DATA));
  }

  @Test
  void aNewKeyReplacesTheOldOne() {
    terminal.loadWorkingKey(host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 8, 4));
    byte[] before = terminal.mac(MacAlgorithm.ANSI_X9_9, "MAK", DATA);

    terminal.loadWorkingKey(host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 8, 4));

    assertThat(terminal.mac(MacAlgorithm.ANSI_X9_9, "MAK", DATA))
        .isNotEqualTo(before)
        .isEqualTo(host.mac(MacAlgorithm.ANSI_X9_9, "MAK", DATA));
  }

  @Test
  void aWrongCheckValueLoadsNothingAndKeepsTheOldKey() {
    terminal.loadWorkingKey(host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 16, 4));
    byte[] before = terminal.mac(MacAlgorithm.ANSI_X9_19, "MAK", DATA);
    WorkingKey fresh = host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 16, 4);
    byte[] check = fresh.checkValue();
    check[0] ^= 0x01;
    WorkingKey damaged = new WorkingKey("MAK", TEST_MASTER_KEY_ID, fresh.encryptedKey(), check);

    assertThatThrownBy(() -> terminal.loadWorkingKey(damaged))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.failure()).isEqualTo(DeviceFailure.KEY_CHECK_FAILED))
        .hasMessageContaining("MAK")
        .hasMessageContaining("check value");
    assertThat(terminal.mac(MacAlgorithm.ANSI_X9_19, "MAK", DATA)).isEqualTo(before);
  }

  @Test
  void aKeyUnderAnotherMasterKeyFailsItsCheck() {
    WorkingKey issued = host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 16, 4);
    WorkingKey underPinKey =
        new WorkingKey(
            "MAK",
            SoftwareSecureModule.TEST_PIN_KEY_ID,
            issued.encryptedKey(),
            issued.checkValue());

    assertThat(failureOf(() -> terminal.loadWorkingKey(underPinKey)))
        .isEqualTo(DeviceFailure.KEY_CHECK_FAILED);
    assertThat(terminal.keyIds()).doesNotContain("MAK");
  }

  @Test
  void anUnknownMasterKeyIsMissing() {
    WorkingKey issued = host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 16, 4);
    WorkingKey underNothing =
        new WorkingKey("MAK", "NO_SUCH_KEY", issued.encryptedKey(), issued.checkValue());

    assertThat(failureOf(() -> terminal.loadWorkingKey(underNothing)))
        .isEqualTo(DeviceFailure.KEY_MISSING);
  }

  @Test
  void modulesWithoutKeyLoadingSayUnsupported() {
    SecureModule macOnly =
        new SecureModule() {
          @Override
          public byte[] mac(MacAlgorithm algorithm, String keyId, byte[] data) {
            return new byte[8];
          }

          @Override
          public SelfTestResult selfTest() {
            return SelfTestResult.pass(DeviceComponent.SECURE_MODULE, "test stub");
          }
        };
    WorkingKey issued = host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 16, 4);

    assertThat(failureOf(() -> macOnly.loadWorkingKey(issued)))
        .isEqualTo(DeviceFailure.UNSUPPORTED);
  }

  @Test
  void workingKeyShowsNoKeyMaterial() {
    WorkingKey issued = host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 16, 4);

    assertThat(issued.toString()).isEqualTo("WorkingKey[MAK under TEST_MASTER_KEY, 16 bytes]");
  }
}
