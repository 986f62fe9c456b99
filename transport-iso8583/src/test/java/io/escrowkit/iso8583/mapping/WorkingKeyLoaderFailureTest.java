package io.escrowkit.iso8583.mapping;

import static io.escrowkit.device.simulated.SoftwareSecureModule.TEST_MASTER_KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.SelfTestResult;
import io.escrowkit.device.WorkingKey;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.channel.LogCapture;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A secure module failing while a sign-on loads its working keys: the sign-on fails as the
 * module's fault, and the driver's message, which may carry what it was given, stays out of the
 * log.
 */
class WorkingKeyLoaderFailureTest {
  private static final WorkingKeyIds IDS =
      new WorkingKeyIds(TEST_MASTER_KEY_ID, "PIK", "MAK", "TDK");
  private final MessageMapper mapper =
      MessageMapper.of(MappingSettings.unionPay(), Requests.session(500));
  private final SoftwareSecureModule host = SoftwareSecureModule.withTestKeys(new Random(1));

  /** A driver that fails loading keys the way {@code failure} says, given the key's hex. */
  private static SecureModule failing(Function<String, RuntimeException> failure) {
    return new SecureModule() {
      @Override
      public byte[] mac(MacAlgorithm algorithm, String keyId, byte[] data) {
        throw new UnsupportedOperationException();
      }

      @Override
      public SelfTestResult selfTest() {
        throw new UnsupportedOperationException();
      }

      @Override
      public void loadWorkingKey(WorkingKey key) {
        throw failure.apply(Hex.of(key.encryptedKey()));
      }
    };
  }

  private IsoMessage answer() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String id : new String[] {"PIK", "MAK"}) {
      WorkingKey key = host.issueWorkingKey(TEST_MASTER_KEY_ID, id, 16, 4);
      out.writeBytes(key.encryptedKey());
      out.writeBytes(key.checkValue());
    }
    return mapper.signOn().toBuilder().mti("0810").set(39, "00")
        .setSubfields(60, "00", "000001", "003")
        .set(62, new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).build();
  }

  /** As MacSigner and IsoChannel do: the driver's message stays out of the log. */
  @Test
  void aDriversMessageIsNotLogged() {
    SecureModule module = failing(hex -> new DeviceException(DeviceFailure.HARDWARE_FAULT,
        DeviceComponent.SECURE_MODULE, "bus error loading cryptogram " + hex));
    try (LogCapture log = LogCapture.of("io.escrowkit")) {
      assertThat(new WorkingKeyLoader(module, IDS).load(UnionPayPosMapperTest.decode(answer())))
          .isFalse();
      assertThat(log.text()).contains("HARDWARE_FAULT").doesNotContain("cryptogram");
    }
  }

  /** A driver's other runtime exception fails the sign-on as a module fault, as MacSigner does. */
  @Test
  void aDriversOtherRuntimeExceptionFailsTheSignOnAsAModuleFault() {
    SecureModule module = failing(hex -> new IllegalStateException("driver state 3, key " + hex));
    try (LogCapture log = LogCapture.of("io.escrowkit")) {
      boolean loaded;
      try {
        loaded = new WorkingKeyLoader(module, IDS).load(UnionPayPosMapperTest.decode(answer()));
      } catch (RuntimeException escaped) { // Link.afterSignOn would log it as an unreadable answer
        throw new AssertionError("escaped WorkingKeyLoader.load: " + escaped);
      }
      assertThat(loaded).isFalse();
      assertThat(log.text()).doesNotContain("driver state");
    }
  }
}
