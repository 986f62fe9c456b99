package io.escrowkit.iso8583.mapping;

import io.escrowkit.device.DeviceException;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.WorkingKey;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the working keys of a UnionPay POS sign-on answer (field 62, scheme in 60.3, layout in
 * {@link SignOnKeys}) into the secure module, each checked against its check value, under the ids
 * of {@link WorkingKeyIds}. A connection carries requests only once its sign-on answer's keys are
 * loaded: a missing or malformed field 62, an unknown master key or a wrong check value fails the
 * sign-on (logged with the reason, never with key material). Threadsafe if the module is.
 */
public final class WorkingKeyLoader {
  private static final Logger log = LoggerFactory.getLogger(WorkingKeyLoader.class);

  private final SecureModule module;
  private final WorkingKeyIds ids;
  private final String requestedScheme;
  private final MacAlgorithm macAlgorithm;

  /**
   * A loader for the answers to a UnionPay sign-on asking for double-length keys (003), MACing
   * with the UnionPay ECB MAC.
   */
  public WorkingKeyLoader(SecureModule module, WorkingKeyIds ids) {
    this(module, ids, SignOnKeys.DOUBLE_LENGTH, MacAlgorithm.UNIONPAY_POS_ECB);
  }

  /**
   * A loader for the answers to a UnionPay sign-on asking for {@code requestedScheme}, MACing with
   * the UnionPay ECB MAC.
   *
   * @throws IllegalArgumentException for a scheme other than 001, 003 or 004
   */
  public WorkingKeyLoader(SecureModule module, WorkingKeyIds ids, String requestedScheme) {
    this(module, ids, requestedScheme, MacAlgorithm.UNIONPAY_POS_ECB);
  }

  /**
   * @param requestedScheme the key scheme the sign-on asked for (60.3: 001, 003 or 004), used when
   *     the answer does not say
   * @param macAlgorithm the MAC the connection computes with the MAC key: a MAC key of a length it
   *     cannot use (a single-length key for ANSI X9.19) fails the sign-on, rather than every MAC
   *     after it
   * @throws IllegalArgumentException for another scheme
   */
  public WorkingKeyLoader(SecureModule module, WorkingKeyIds ids, String requestedScheme,
      MacAlgorithm macAlgorithm) {
    this.module = Objects.requireNonNull(module, "module");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.requestedScheme = SignOnKeys.requireScheme("requestedScheme", requestedScheme);
    this.macAlgorithm = Objects.requireNonNull(macAlgorithm, "macAlgorithm");
  }

  /** The ids the keys are loaded under. */
  public WorkingKeyIds ids() {
    return ids;
  }

  /**
   * Loads the keys of an approving sign-on answer; false (logged) when they could not all be
   * loaded, in which case the connection must not carry requests.
   */
  public boolean load(DecodedMessage answer) {
    String scheme = requestedScheme;
    String loading = "-";
    try {
      if (answer.has(60) && answer.readSubfields(60).size() > 2) {
        scheme = answer.readSubfield(60, 3);
        if (!scheme.equals(requestedScheme)) {
          log.warn("sign-on asked for key scheme {}, the host answered {}; reading its keys as {}",
              requestedScheme, scheme, scheme);
        }
      }
      if (!answer.has(62)) {
        log.warn("sign-on answer carries no working keys (field 62); the sign-on fails");
        return false;
      }
      List<SignOnKeys.Entry> keys = SignOnKeys.parse(scheme, answer.readBytes(62));
      if (!macKeyFits(keys, scheme)) {
        return false;
      }
      for (SignOnKeys.Entry key : keys) {
        String id = idOf(key.role());
        loading = id;
        WorkingKey working =
            new WorkingKey(id, ids.masterKeyId(), key.encryptedKey(), key.checkValue());
        try {
          module.loadWorkingKey(working);
        } catch (RuntimeException failed) {
          throw SecureModuleFailures.of(failed);
        }
      }
      log.info("sign-on loaded {} working keys (key scheme {})", keys.size(), scheme);
      return true;
    } catch (DeviceException failed) {
      // The module's message is left out: a driver may have filled it with what it was given.
      log.warn("sign-on working key {} not loaded ({} of the {}); the sign-on fails", loading,
          failed.failure(), failed.component());
    } catch (IsoException | IllegalArgumentException unreadable) {
      log.warn(
          "sign-on working keys unreadable (key scheme {}): {}; the sign-on fails",
          scheme,
          unreadable.getMessage());
    }
    return false;
  }

  private boolean macKeyFits(List<SignOnKeys.Entry> keys, String scheme) {
    for (SignOnKeys.Entry key : keys) {
      int length = key.encryptedKey().length;
      if (key.role() == SignOnKeys.Role.MAC && !macAlgorithm.acceptsKeyLength(length)) {
        log.warn("sign-on answer carries a {}-byte MAC key (key scheme {}), which {} cannot use;"
            + " the sign-on fails: set the transport's macAlgorithm to the host's", length, scheme,
            macAlgorithm);
        return false;
      }
    }
    return true;
  }

  private String idOf(SignOnKeys.Role role) {
    switch (role) {
      case PIN:
        return ids.pinKeyId();
      case MAC:
        return ids.macKeyId();
      default:
        return ids.trackKeyId();
    }
  }
}
