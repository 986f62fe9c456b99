package io.escrowkit.device;

import java.util.Arrays;
import java.util.Objects;

/**
 * A working key as an acquirer hands it to the terminal (in a UnionPay sign-on answer, field 62):
 * the key encrypted under a key-encryption key the secure module already holds (the terminal
 * master key), and its check value, the first bytes of the clear key's encryption of eight zero
 * bytes. Immutable and threadsafe; the bytes are copied in and out.
 *
 * <p>Sensitive even though encrypted: {@link #toString()} shows ids and lengths only.
 *
 * @param keyId the id to load the key under (replacing a key of that id)
 * @param kekId the id of the key that encrypts it, already loaded
 * @param encryptedKey the key under the key-encryption key, ECB: 8 bytes (single DES) or 16
 *     (double-length triple DES)
 * @param checkValue 2 to 8 bytes; UnionPay sends 4
 */
public record WorkingKey(String keyId, String kekId, byte[] encryptedKey, byte[] checkValue) {

  public WorkingKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(kekId, "kekId");
    Objects.requireNonNull(encryptedKey, "encryptedKey");
    Objects.requireNonNull(checkValue, "checkValue");
    if (keyId.trim().isEmpty() || kekId.trim().isEmpty()) {
      throw new IllegalArgumentException("key ids must not be blank");
    }
    if (keyId.equals(kekId)) {
      throw new IllegalArgumentException(
          "working key " + keyId + " cannot replace the key that encrypts it");
    }
    if (encryptedKey.length != 8 && encryptedKey.length != 16) {
      throw new IllegalArgumentException(
          "working key " + keyId + " has " + encryptedKey.length + " bytes; DES keys have 8 or 16");
    }
    if (checkValue.length < 2 || checkValue.length > 8) {
      throw new IllegalArgumentException(
          "check value of " + keyId + " has " + checkValue.length + " bytes; 2 to 8 expected");
    }
    encryptedKey = encryptedKey.clone();
    checkValue = checkValue.clone();
  }

  /** The encrypted key; a fresh copy on every call. */
  @Override
  public byte[] encryptedKey() {
    return encryptedKey.clone();
  }

  /** The check value; a fresh copy on every call. */
  @Override
  public byte[] checkValue() {
    return checkValue.clone();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof WorkingKey)) {
      return false;
    }
    WorkingKey that = (WorkingKey) other;
    return keyId.equals(that.keyId)
        && kekId.equals(that.kekId)
        && Arrays.equals(encryptedKey, that.encryptedKey)
        && Arrays.equals(checkValue, that.checkValue);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Objects.hash(keyId, kekId) + Arrays.hashCode(encryptedKey))
        + Arrays.hashCode(checkValue);
  }

  /** Ids and length only, e.g. {@code WorkingKey[MAK under TMK, 16 bytes]}. */
  @Override
  public String toString() {
    return "WorkingKey[" + keyId + " under " + kekId + ", " + encryptedKey.length + " bytes]";
  }
}
