package io.escrowkit.device;

import java.util.Arrays;
import java.util.Objects;

/**
 * An encrypted PIN block as a PIN pad hands it over: the enciphered bytes, their ISO 9564-1 format,
 * and the id of the key that enciphered them. Immutable and threadsafe; the bytes are copied in and
 * out.
 *
 * <p>Sensitive even though encrypted: {@link #toString()} never shows the bytes, and a PIN block
 * must never be logged or persisted.
 *
 * @param bytes the enciphered block, {@link PinBlockFormat#blockLength()} bytes
 * @param format how the clear block was formed
 * @param keyId the PIN encryption key, as the secure module names it (e.g. {@code TEST_PIN_KEY})
 */
public record PinBlock(byte[] bytes, PinBlockFormat format, String keyId) {

  public PinBlock {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(keyId, "keyId");
    if (bytes.length != format.blockLength()) {
      throw new IllegalArgumentException(
          "a " + format + " PIN block has " + format.blockLength() + " bytes, got " + bytes.length);
    }
    if (keyId.trim().isEmpty()) {
      throw new IllegalArgumentException("PIN block key id must not be blank");
    }
    bytes = bytes.clone();
  }

  /** The enciphered block; a fresh copy on every call. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PinBlock
        && Arrays.equals(bytes, ((PinBlock) other).bytes)
        && format == ((PinBlock) other).format
        && keyId.equals(((PinBlock) other).keyId);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(format, keyId) + Arrays.hashCode(bytes);
  }

  /** Format and key id only, e.g. {@code PinBlock[ISO_0, key TEST_PIN_KEY]}. */
  @Override
  public String toString() {
    return "PinBlock[" + format + ", key " + keyId + "]";
  }
}
