package io.escrowkit.simulator.internal;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Field 64 (or 128) MACs through a {@link SecureModule}. The MAC covers the message from the first
 * byte of the MTI to the last byte before the MAC field, bitmap included with the MAC's bit set;
 * length prefix, TPDU and header are outside it. For UnionPay that is the MAB "从消息类型(MTI)到63域" of
 * the POS terminal spec (as copied at blog.51cto.com/xiaohaiwa/5379715 and e-com-net.com
 * /article/1288790201933570048); for ISO 87 the same range under ANSI X9.19. With {@link
 * SessionKeys}, a terminal's MACs use the MAC key its last sign-on was issued (by field 41).
 * Threadsafe if the module is.
 */
public final class MessageMac {

  private static final byte[] PLACEHOLDER = new byte[8];

  private final SecureModule module;
  private final MacAlgorithm algorithm;
  private final String keyId;
  private final Optional<SessionKeys> sessionKeys;

  public MessageMac(
      SecureModule module,
      MacAlgorithm algorithm,
      String keyId,
      Optional<SessionKeys> sessionKeys) {
    this.module = Objects.requireNonNull(module, "module");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.sessionKeys = Objects.requireNonNull(sessionKeys, "sessionKeys");
  }

  private String keyIdFor(Optional<String> terminalId) {
    return sessionKeys.isPresent() && terminalId.isPresent()
        ? sessionKeys.get().macKeyId(terminalId.get(), keyId)
        : keyId;
  }

  /** The MAC field a message carries: 128 when it has a secondary bitmap's MAC, else 64. */
  static int macField(DecodedMessage m) {
    return m.has(128) ? 128 : 64;
  }

  /** Whether the message carries a MAC at all. */
  static boolean hasMac(DecodedMessage m) {
    return m.has(64) || m.has(128);
  }

  /** Checks the MAC of a decoded message; {@code frame} is the array it was decoded from. */
  boolean verify(DecodedMessage m, byte[] frame) {
    int field = macField(m);
    byte[] data = Arrays.copyOfRange(frame, m.mtiOffset(), m.fieldOffset(field));
    return module.verifyMac(algorithm, keyIdFor(m.findString(41)), data, m.readBytes(field));
  }

  /**
   * The message with its MAC field set: in 128 if it has fields above 64, else in 64. With {@code
   * corrupt} the MAC's last bit is flipped, so it does not verify.
   */
  IsoMessage sign(IsoCodec codec, IsoMessage message, boolean corrupt) {
    int[] fields = message.fields();
    int field = fields.length > 0 && fields[fields.length - 1] > 64 ? 128 : 64;
    IsoMessage.Builder b = message.toBuilder().set(field, PLACEHOLDER);
    if (field == 128) {
      b.remove(64);
    }
    byte[] bytes = codec.encode(b.build());
    DecodedMessage decoded = codec.decode(bytes);
    byte[] mac =
        module.mac(
            algorithm,
            keyIdFor(message.get(41)),
            Arrays.copyOfRange(bytes, decoded.mtiOffset(), decoded.fieldOffset(field)));
    if (corrupt) {
      mac[mac.length - 1] ^= 0x01;
    }
    return b.set(field, mac).build();
  }
}
