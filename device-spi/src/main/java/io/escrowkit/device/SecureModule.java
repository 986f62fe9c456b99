package io.escrowkit.device;

import java.security.MessageDigest;

/**
 * The terminal's key store and crypto engine (often the PIN pad's secure element): computes and
 * checks MACs, and may encrypt PINs, under keys it names by id and never gives out. Implementations
 * say whether they are threadsafe.
 */
public interface SecureModule extends SelfTestable {

  /**
   * The MAC of {@code data} under the named key.
   *
   * @throws DeviceException {@link DeviceFailure#KEY_MISSING} when no such key is loaded, {@link
   *     DeviceFailure#KEY_INVALID} when the key does not suit the algorithm, {@link
   *     DeviceFailure#UNSUPPORTED} for an algorithm the module lacks
   */
  byte[] mac(MacAlgorithm algorithm, String keyId, byte[] data);

  /**
   * True when {@code mac} is the MAC of {@code data} under the named key. The comparison takes the
   * same time wherever the first differing byte is.
   *
   * @throws DeviceException as {@link #mac}
   */
  default boolean verifyMac(MacAlgorithm algorithm, String keyId, byte[] data, byte[] mac) {
    return MessageDigest.isEqual(mac(algorithm, keyId, data), mac);
  }

  /**
   * Forms and encrypts a PIN block from a clear PIN, for modules that are also the PIN entry
   * device's crypto engine. The caller should overwrite {@code pin} once this returns.
   *
   * @throws DeviceException {@link DeviceFailure#UNSUPPORTED} unless the module offers it (the
   *     default), otherwise as {@link #mac}
   */
  default PinBlock encryptPin(PinBlockFormat format, String keyId, char[] pin, String pan) {
    throw new DeviceException(
        DeviceFailure.UNSUPPORTED,
        DeviceComponent.SECURE_MODULE,
        getClass().getName() + " does not encrypt PINs");
  }

  /**
   * Decrypts {@code key} under its key-encryption key, checks it against its check value and stores
   * it under {@link WorkingKey#keyId()}, replacing the key of that id, for the MACs and PIN blocks
   * that follow (what a terminal does with the keys of a sign-on answer). A key that fails its
   * check is not stored, and the key of that id stays as it was.
   *
   * @throws DeviceException {@link DeviceFailure#UNSUPPORTED} unless the module loads keys (the
   *     default), {@link DeviceFailure#KEY_MISSING} when the key-encryption key is not loaded,
   *     {@link DeviceFailure#KEY_CHECK_FAILED} when the decrypted key does not match its check value
   */
  default void loadWorkingKey(WorkingKey key) {
    throw new DeviceException(
        DeviceFailure.UNSUPPORTED,
        DeviceComponent.SECURE_MODULE,
        getClass().getName() + " does not load working keys");
  }
}
