package io.escrowkit.iso8583.mapping;

import java.util.Objects;

/**
 * The secure module's ids for the working keys a UnionPay sign-on answer carries (field 62), and
 * for the terminal master key they are encrypted under. The MAC key id is the one requests are
 * MACed with ({@code IsoTransportBuilder.mac(module, keyId)}); the PIN key id is the one the PIN
 * pad encrypts PIN blocks under. A module shared by several terminals needs ids per terminal (e.g.
 * {@code MAK.10000001}). Immutable and threadsafe.
 *
 * @param masterKeyId the terminal master key, already in the module (injected, never sent)
 * @param pinKeyId where the PIN key (PIK) is loaded
 * @param macKeyId where the MAC key (MAK) is loaded
 * @param trackKeyId where the track data key (TDK, key scheme 004 only) is loaded
 */
public record WorkingKeyIds(
    String masterKeyId, String pinKeyId, String macKeyId, String trackKeyId) {

  public WorkingKeyIds {
    for (String id : new String[] {masterKeyId, pinKeyId, macKeyId, trackKeyId}) {
      if (Objects.requireNonNull(id, "key id").trim().isEmpty()) {
        throw new IllegalArgumentException("working key ids must not be blank");
      }
    }
    if (masterKeyId.equals(pinKeyId)
        || masterKeyId.equals(macKeyId)
        || masterKeyId.equals(trackKeyId)) {
      throw new IllegalArgumentException(
          "a working key cannot be loaded over the master key " + masterKeyId);
    }
    if (pinKeyId.equals(macKeyId) || pinKeyId.equals(trackKeyId) || macKeyId.equals(trackKeyId)) {
      throw new IllegalArgumentException(
          "PIN, MAC and track keys need different ids, got "
              + pinKeyId
              + ", "
              + macKeyId
              + ", "
              + trackKeyId);
    }
  }
}
