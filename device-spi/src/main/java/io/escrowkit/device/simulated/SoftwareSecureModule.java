package io.escrowkit.device.simulated;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.PinBlock;
import io.escrowkit.device.PinBlockFormat;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.WorkingKey;
import io.escrowkit.device.internal.DesCipher;
import io.escrowkit.device.internal.Hex;
import io.escrowkit.device.internal.KeyWrapping;
import io.escrowkit.device.internal.MacCalculator;
import io.escrowkit.device.internal.Pans;
import io.escrowkit.device.internal.PinBlocks;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A secure module in software, over {@code javax.crypto} DES and triple DES: every {@link
 * MacAlgorithm}, and PIN blocks of ISO formats 0, 1 and 3. For tests, demos and simulated hosts
 * only: its keys sit in ordinary memory. Threadsafe if the {@link Random} given is.
 *
 * <p>{@link #withTestKeys} loads four well-known test keys: {@value #TEST_MAC_KEY_ID}
 * (double-length, for X9.19 and the UnionPay ECB MAC), {@value #TEST_MAC_SINGLE_KEY_ID}
 * (single-length, for X9.9), {@value #TEST_PIN_KEY_ID} (double-length PIN key) and {@value
 * #TEST_MASTER_KEY_ID} (double-length terminal master key, under which sign-on answers carry working
 * keys). A simulated host built with the same keys verifies the terminal's MACs and PINs.
 *
 * <p>{@link #loadWorkingKey} stores keys beside those given at construction (replacing a key of
 * the same id); {@link #issueWorkingKey} is the host's side of it.
 */
public final class SoftwareSecureModule extends SimulatedComponent implements SecureModule {

  /** Double-length test MAC key id; the key is {@code 0123456789ABCDEF FEDCBA9876543210}. */
  public static final String TEST_MAC_KEY_ID = "TEST_MAC_KEY";

  /** Single-length test MAC key id; the key is {@code 0123456789ABCDEF}. */
  public static final String TEST_MAC_SINGLE_KEY_ID = "TEST_MAC_KEY_SINGLE";

  /** Double-length test PIN key id. */
  public static final String TEST_PIN_KEY_ID = "TEST_PIN_KEY";

  /** Double-length test terminal master key id (key-encryption key of sign-on working keys). */
  public static final String TEST_MASTER_KEY_ID = "TEST_MASTER_KEY";

  private static final String TEST_MAC_KEY = "0123456789ABCDEFFEDCBA9876543210";
  private static final String TEST_MASTER_KEY = "00112233445566778899AABBCCDDEEFF";
  private static final String TEST_MAC_SINGLE_KEY = "0123456789ABCDEF";
  private static final String TEST_PIN_KEY = "89ABCDEF0123456776543210FEDCBA98";

  /** Never changed in place: a loaded key replaces the array. */
  private final ConcurrentMap<String, byte[]> keys;
  private final Random random;

  /**
   * A module holding copies of {@code keys} (id to 8- or 16-byte DES key).
   *
   * @param random fills ISO 1 and ISO 3 PIN blocks; pass a {@link java.security.SecureRandom}
   */
  public SoftwareSecureModule(Map<String, byte[]> keys, Random random) {
    super(DeviceComponent.SECURE_MODULE);
    ConcurrentSkipListMap<String, byte[]> copies = new ConcurrentSkipListMap<>();
    for (Map.Entry<String, byte[]> key : keys.entrySet()) {
      byte[] bytes = Objects.requireNonNull(key.getValue(), "key " + key.getKey());
      if (bytes.length != 8 && bytes.length != 16) {
        throw new IllegalArgumentException(
            "key " + key.getKey() + " has " + bytes.length + " bytes; DES keys have 8 or 16");
      }
      copies.put(key.getKey(), bytes.clone());
    }
    this.keys = copies;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A module holding the four test keys named above. */
  public static SoftwareSecureModule withTestKeys(Random random) {
    return new SoftwareSecureModule(
        Map.of(
            TEST_MAC_KEY_ID, Hex.decode(TEST_MAC_KEY),
            TEST_MAC_SINGLE_KEY_ID, Hex.decode(TEST_MAC_SINGLE_KEY),
            TEST_PIN_KEY_ID, Hex.decode(TEST_PIN_KEY),
            TEST_MASTER_KEY_ID, Hex.decode(TEST_MASTER_KEY)),
        random);
  }

  /** The ids of the keys loaded, in order; a live, unmodifiable view. */
  public Set<String> keyIds() {
    return Collections.unmodifiableSet(keys.keySet());
  }

  @Override
  public void loadWorkingKey(WorkingKey key) {
    Objects.requireNonNull(key, "key");
    beforeCall("loadWorkingKey");
    byte[] kek = key(key.kekId());
    byte[] clear;
    try {
      clear = KeyWrapping.unwrap(kek, key.encryptedKey());
      byte[] expected = key.checkValue();
      if (!MessageDigest.isEqual(KeyWrapping.checkValue(clear, expected.length), expected)) {
        Arrays.fill(clear, (byte) 0);
        throw failure(
            DeviceFailure.KEY_CHECK_FAILED,
            "working key "
                + key.keyId()
                + " decrypted under "
                + key.kekId()
                + " does not match its check value; not loaded");
      }
    } catch (GeneralSecurityException e) {
      throw cryptoFailure("loading working key " + key.keyId(), e);
    }
    keys.put(key.keyId(), clear);
  }

  /**
   * What a simulated host does at sign-on: makes a fresh key of {@code length} bytes (8 or 16) from
   * this module's random source, stores it under {@code keyId} and returns it encrypted under
   * {@code kekId} with a check value of {@code checkLength} bytes, for the terminal's {@link
   * #loadWorkingKey}. Never use this on a real terminal.
   *
   * @throws DeviceException {@link DeviceFailure#KEY_MISSING} when {@code kekId} is not loaded
   */
  public WorkingKey issueWorkingKey(String kekId, String keyId, int length, int checkLength) {
    Objects.requireNonNull(keyId, "keyId");
    if (length != 8 && length != 16) {
      throw new IllegalArgumentException("DES keys have 8 or 16 bytes, not " + length);
    }
    byte[] kek = key(kekId);
    byte[] clear = new byte[length];
    random.nextBytes(clear);
    try {
      WorkingKey issued =
          new WorkingKey(
              keyId,
              kekId,
              KeyWrapping.wrap(kek, clear),
              KeyWrapping.checkValue(clear, checkLength));
      keys.put(keyId, clear);
      return issued;
    } catch (GeneralSecurityException e) {
      throw cryptoFailure("issuing working key " + keyId, e);
    }
  }

  @Override
  public byte[] mac(MacAlgorithm algorithm, String keyId, byte[] data) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(data, "data");
    beforeCall("mac");
    byte[] key = key(keyId);
    if (!algorithm.acceptsKeyLength(key.length)) {
      throw failure(
          DeviceFailure.KEY_INVALID,
          "key " + keyId + " has " + key.length + " bytes, which " + algorithm + " does not take");
    }
    try {
      return MacCalculator.mac(algorithm, key, data);
    } catch (GeneralSecurityException e) {
      throw cryptoFailure(algorithm.toString(), e);
    }
  }

  @Override
  public PinBlock encryptPin(PinBlockFormat format, String keyId, char[] pin, String pan) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(pin, "pin");
    Objects.requireNonNull(pan, "pan");
    beforeCall("encryptPin");
    if (format == PinBlockFormat.ISO_4) {
      throw failure(DeviceFailure.UNSUPPORTED, "the software module forms no ISO 4 (AES) blocks");
    }
    if (!PinBlocks.validPin(pin)) {
      throw failure(DeviceFailure.PIN_ENTRY_FAILED, "a PIN has 4 to 12 digits");
    }
    if (!Pans.isDigits(pan)) {
      throw failure(DeviceFailure.PIN_ENTRY_FAILED, "PAN " + Pans.mask(pan) + " is not digits");
    }
    byte[] key = key(keyId);
    byte[] clear = PinBlocks.clearBlock(format, pin, pan, random);
    try {
      return new PinBlock(DesCipher.of(key, true).block(clear), format, keyId);
    } catch (GeneralSecurityException e) {
      throw cryptoFailure("PIN encryption", e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * The clear PIN in {@code block}: what a simulated host does to check a PIN. Never use this on a
   * real terminal. The caller should overwrite the returned array once done.
   *
   * @throws DeviceException {@link DeviceFailure#PIN_ENTRY_FAILED} when the block does not decode
   *     for this PAN, {@link DeviceFailure#KEY_MISSING} for an unknown key
   */
  public char[] decryptPin(PinBlock block, String pan) {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(pan, "pan");
    if (block.format() == PinBlockFormat.ISO_4) {
      throw failure(DeviceFailure.UNSUPPORTED, "the software module reads no ISO 4 (AES) blocks");
    }
    byte[] key = key(block.keyId());
    byte[] clear;
    try {
      clear = DesCipher.of(key, false).block(block.bytes());
    } catch (GeneralSecurityException e) {
      throw cryptoFailure("PIN decryption", e);
    }
    try {
      return PinBlocks.pin(block.format(), clear, pan);
    } catch (IllegalArgumentException e) {
      throw failure(
          DeviceFailure.PIN_ENTRY_FAILED,
          "PIN block does not decode as " + block.format() + " for card " + Pans.mask(pan),
          e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  private byte[] key(String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    byte[] key = keys.get(keyId);
    if (key == null) {
      throw failure(
          DeviceFailure.KEY_MISSING, "no key " + keyId + " loaded; keys loaded: " + keyIds());
    }
    return key;
  }

  private DeviceException cryptoFailure(String operation, GeneralSecurityException cause) {
    return failure(
        DeviceFailure.HARDWARE_FAULT, operation + " failed in javax.crypto: " + cause, cause);
  }
}
