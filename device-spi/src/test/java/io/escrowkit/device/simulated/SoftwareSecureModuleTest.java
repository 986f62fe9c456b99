package io.escrowkit.device.simulated;

import static io.escrowkit.device.simulated.SoftwareSecureModule.TEST_MAC_KEY_ID;
import static io.escrowkit.device.simulated.SoftwareSecureModule.TEST_MAC_SINGLE_KEY_ID;
import static io.escrowkit.device.simulated.SoftwareSecureModule.TEST_PIN_KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.PinBlock;
import io.escrowkit.device.PinBlockFormat;
import io.escrowkit.device.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftwareSecureModuleTest {

  private static final String PAN = TestCards.UNIONPAY_PAN;

  private final SoftwareSecureModule module = SoftwareSecureModule.withTestKeys(new Random(3));

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The test MAC key is the key of the ISO/IEC 9797-1:2011 annex B.4 example (K = 0123456789ABCDEF,
   * K' = FEDCBA9876543210), so the module must give that annex's MAC: A1C72E74EA3FA9B6 for "Now is
   * the time for all " (as reproduced in the RustCrypto retail-mac crate documentation).
   */
  @Test
  void x919WithTheTestKeyMatchesTheIso9797Vector() {
    byte[] mac =
        module.mac(MacAlgorithm.ANSI_X9_19, TEST_MAC_KEY_ID, ascii("Now is the time for all "));

    assertThat(mac).containsExactly(0xA1, 0xC7, 0x2E, 0x74, 0xEA, 0x3F, 0xA9, 0xB6);
  }

  @Test
  void x99WithTheSingleTestKeyMatchesTheIso9797AlgorithmOneVector() {
    byte[] mac =
        module.mac(
            MacAlgorithm.ANSI_X9_9, TEST_MAC_SINGLE_KEY_ID, ascii("Now is the time for all "));

    assertThat(mac).containsExactly(0x70, 0xA3, 0x06, 0x40, 0xCC, 0x76, 0xDD, 0x8B);
  }

  @Test
  void verifyMacAcceptsTheRightMacAndRefusesAnyOther() {
    byte[] data = ascii("0200 pre-authorization");
    byte[] mac = module.mac(MacAlgorithm.UNIONPAY_POS_ECB, TEST_MAC_KEY_ID, data);

    assertThat(module.verifyMac(MacAlgorithm.UNIONPAY_POS_ECB, TEST_MAC_KEY_ID, data, mac))
        .isTrue();
    mac[7] ^= 1;
    assertThat(module.verifyMac(MacAlgorithm.UNIONPAY_POS_ECB, TEST_MAC_KEY_ID, data, mac))
        .isFalse();
  }

  @Test
  void unknownKeyIsKeyMissing() {
    assertThatThrownBy(() -> module.mac(MacAlgorithm.ANSI_X9_19, "MAK_1", new byte[8]))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(DeviceFailure.KEY_MISSING);
              assertThat(e.component()).isEqualTo(DeviceComponent.SECURE_MODULE);
            })
        .hasMessageContaining("MAK_1")
        .hasMessageContaining(TEST_MAC_KEY_ID);
  }

  @Test
  void keyOfTheWrongLengthForTheAlgorithmIsKeyInvalid() {
    assertThatThrownBy(
            () -> module.mac(MacAlgorithm.ANSI_X9_19, TEST_MAC_SINGLE_KEY_ID, new byte[8]))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.failure()).isEqualTo(DeviceFailure.KEY_INVALID))
        .hasMessageContaining("8 bytes");
  }

  @Test
  void keysMustBeDesLengthsAndAreCopied() {
    byte[] key = new byte[16];
    SoftwareSecureModule own = new SoftwareSecureModule(Map.of("K", key), new Random(1));
    byte[] before = own.mac(MacAlgorithm.ANSI_X9_19, "K", new byte[8]);
    key[0] = 1;

    assertThat(own.mac(MacAlgorithm.ANSI_X9_19, "K", new byte[8])).isEqualTo(before);
    assertThatThrownBy(() -> new SoftwareSecureModule(Map.of("K", new byte[24]), new Random(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("24 bytes");
  }

  @Test
  void encryptedPinDecryptsBackForEachFormat() {
    for (PinBlockFormat format :
        new PinBlockFormat[] {PinBlockFormat.ISO_0, PinBlockFormat.ISO_1, PinBlockFormat.ISO_3}) {
      PinBlock block = module.encryptPin(format, TEST_PIN_KEY_ID, "2468".toCharArray(), PAN);

      assertThat(block.format()).isEqualTo(format);
      assertThat(block.keyId()).isEqualTo(TEST_PIN_KEY_ID);
      assertThat(module.decryptPin(block, PAN))
          .as(format.name())
          .containsExactly('2', '4', '6', '8');
    }
  }

  @Test
  void isoZeroBlockIsDeterministicAndEncrypted() {
    PinBlock first =
        module.encryptPin(PinBlockFormat.ISO_0, TEST_PIN_KEY_ID, "1234".toCharArray(), PAN);
    PinBlock second =
        module.encryptPin(PinBlockFormat.ISO_0, TEST_PIN_KEY_ID, "1234".toCharArray(), PAN);

    assertThat(first).isEqualTo(second);
    // PIN field 041234FFFFFFFFFF XOR PAN field 0000200000000000: the block must not be this.
    assertThat(first.bytes()).isNotEqualTo(Hex.decode("041214FFFFFFFFFF"));
  }

  @Test
  void decryptingWithAnotherPanIsAPinEntryFailureThatHidesThePan() {
    PinBlock block =
        module.encryptPin(PinBlockFormat.ISO_0, TEST_PIN_KEY_ID, "1234".toCharArray(), PAN);

    assertThatThrownBy(() -> module.decryptPin(block, TestCards.UNIONPAY_DEBIT_PAN))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.failure()).isEqualTo(DeviceFailure.PIN_ENTRY_FAILED))
        .hasMessageNotContaining(TestCards.UNIONPAY_DEBIT_PAN);
  }

  @Test
  void isoFourAndBadPinsAreRefused() {
    assertThatThrownBy(
            () ->
                module.encryptPin(PinBlockFormat.ISO_4, TEST_PIN_KEY_ID, "1234".toCharArray(), PAN))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.failure()).isEqualTo(DeviceFailure.UNSUPPORTED));
    assertThatThrownBy(
            () -> module.encryptPin(PinBlockFormat.ISO_0, TEST_PIN_KEY_ID, "12".toCharArray(), PAN))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.failure()).isEqualTo(DeviceFailure.PIN_ENTRY_FAILED));
  }
}
