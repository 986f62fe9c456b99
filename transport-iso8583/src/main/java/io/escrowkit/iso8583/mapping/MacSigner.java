package io.escrowkit.iso8583.mapping;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.ValueEncoding;
import java.util.Arrays;
import java.util.Objects;

/**
 * Computes and checks message MACs through the terminal's {@link SecureModule}, which keeps the
 * key.
 *
 * <p>The MAC covers the MAC element block (MAB): the message bytes from the MTI up to the MAC field
 * itself, as sent — MTI, bitmap (with the MAC field's bit set), every field with its length prefix
 * — and neither the length prefix, the TPDU nor the header. For UnionPay POS this is the
 * specification's "从消息类型(MTI)到63域之间的部分构成 MAC ELEMENT BLOCK (MAB)" (quoted in
 * blog.51cto.com/xiaohaiwa/5379715 and e-com-net.com/article/1288790201933570048; the worked
 * example on blog.youkuaiyun.com/zhu244912654/article/details/80005341 starts its MAB with MTI 0200
 * and a bitmap whose last bit, field 64, is set). The MAC goes in field 64, or in field 128 when
 * the message has a secondary bitmap. Threadsafe if the module is.
 */
public final class MacSigner {

  /** What checking an answer's MAC found. */
  public enum Check {
    VALID,
    INVALID,
    ABSENT
  }

  private final SecureModule module;
  private final MacAlgorithm algorithm;
  private final String keyId;

  public MacSigner(SecureModule module, MacAlgorithm algorithm, String keyId) {
    this.module = Objects.requireNonNull(module, "module");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
  }

  public MacAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * {@code message} with its MAC.
   *
   * @throws io.escrowkit.device.DeviceException when the module cannot compute it
   */
  public IsoMessage sign(IsoMessage message) {
    IsoSpec spec = message.spec();
    int field = macField(message);
    IsoMessage placeholder = message.with(field, new byte[8]);
    byte[] encoded = IsoCodec.of(spec).encode(placeholder);
    int from = message.tpdu().length + message.header().length;
    int to = encoded.length - wireLength(spec, field);
    byte[] mab = Arrays.copyOfRange(encoded, from, to);
    byte[] mac;
    try {
      mac = module.mac(algorithm, keyId, mab);
    } catch (RuntimeException failed) {
      throw SecureModuleFailures.of(failed);
    }
    return placeholder.with(field, mac);
  }

  /**
   * Checks the MAC of a decoded answer against its bytes.
   *
   * @param frame the bytes {@code answer} was decoded from
   * @throws io.escrowkit.device.DeviceException when the module cannot compute it
   */
  public Check verify(byte[] frame, DecodedMessage answer) {
    int field = answer.has(128) ? 128 : answer.has(64) ? 64 : -1;
    if (field < 0) {
      return Check.ABSENT;
    }
    byte[] mab = Arrays.copyOfRange(frame, answer.mtiOffset(), answer.fieldOffset(field));
    byte[] mac = answer.readBytes(field);
    try {
      return module.verifyMac(algorithm, keyId, mab, mac) ? Check.VALID : Check.INVALID;
    } catch (RuntimeException failed) {
      throw SecureModuleFailures.of(failed);
    }
  }

  /** Field 128 when the message needs a secondary bitmap and the spec has it, else field 64. */
  private static int macField(IsoMessage message) {
    int[] fields = message.fields();
    boolean secondary = fields.length > 0 && fields[fields.length - 1] > 64;
    return secondary && message.spec().maxField() >= 128 ? 128 : 64;
  }

  private static int wireLength(IsoSpec spec, int field) {
    FieldSpec definition =
        spec.field(field)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "spec " + spec.name() + " has no MAC field " + field));
    return definition.valueEncoding() == ValueEncoding.BINARY ? 8 : 16;
  }
}
