package io.escrowkit.iso8583.mapping;

import static io.escrowkit.iso8583.mapping.Requests.HELD;
import static io.escrowkit.iso8583.mapping.Requests.HOLD_REFERENCES;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.spi.RequestType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MacSignerTest {
  private static final String TEST_MAC_KEY = SoftwareSecureModule.TEST_MAC_KEY_ID;
  private final SoftwareSecureModule module = SoftwareSecureModule.withTestKeys(new Random(1));
  private final MessageMapper unionPay =
      MessageMapper.of(MappingSettings.unionPay(), Requests.session(1));

  /**
   * A UnionPay POS 0200 as a terminal sent it, length prefix first, with the MAC its host computed
   * ("B3A092AE" as ASCII, the last 8 bytes), published at q.cnblogs.com/q/128930 with its MAC key
   * 0723C80DB5F4CD3D0723C80DB5F4CD3D. The MAC verifies only over the bytes from the MTI to the end
   * of field 63 (TPDU and header excluded): it pins down the MAB.
   */
  private static final String PUBLISHED_FRAME =
      ""
          + "007f600003000060321032007202003020048000c08015000000000000001234000002030099"
          + "3030303030303031393532373138313832323137383735313536001926000001000600000000"
          + "00435f01123238343431323334353637383930313233345f03063136303033365f0406323030"
          + "3832365c0230314233413039324145";

  @Test
  void publishedUnionPayFrameVerifiesWithItsKeyOverMtiThroughField63() {
    byte[] frame = Arrays.copyOfRange(hex(PUBLISHED_FRAME), 2, hex(PUBLISHED_FRAME).length);
    SoftwareSecureModule published =
        new SoftwareSecureModule(
            Map.of("PUBLISHED_TEST_MAK", hex("0723C80DB5F4CD3D0723C80DB5F4CD3D")), new Random(1));
    MacSigner signer =
        new MacSigner(published, MacAlgorithm.UNIONPAY_POS_ECB, "PUBLISHED_TEST_MAK");
    DecodedMessage message = IsoCodec.of(Specs.unionPayPos()).decode(frame);

    assertThat(new String(message.readBytes(64), StandardCharsets.US_ASCII)).isEqualTo("B3A092AE");
    assertThat(signer.verify(frame, message)).isEqualTo(MacSigner.Check.VALID);
    IsoMessage resigned = signer.sign(message.toMessage().toBuilder().remove(64).build());
    assertThat(resigned.getBytes(64).get()).containsExactly(message.readBytes(64));
  }

  @Test
  void signedRequestCarriesTheMacOfItsBytesFromTheMtiToTheMacField() {
    MacSigner signer = new MacSigner(module, MacAlgorithm.UNIONPAY_POS_ECB, TEST_MAC_KEY);

    IsoMessage signed = signer.sign(unionPay.request(Requests.holdWithPin(123)));

    byte[] wire = IsoCodec.of(Specs.unionPayPos()).encode(signed);
    byte[] mab = Arrays.copyOfRange(wire, 5 + 6, wire.length - 8);
    assertThat(mab[0]).isEqualTo((byte) 0x01);
    assertThat(mab[2 + 7] & 1).as("bit 64 set in the MAB's bitmap").isEqualTo(1);
    assertThat(signed.getBytes(64).get())
        .containsExactly(module.mac(MacAlgorithm.UNIONPAY_POS_ECB, TEST_MAC_KEY, mab));
  }

  @Test
  void answerWithAChangedByteFailsItsMacAndOneWithoutMacIsAbsent() {
    MacSigner signer = new MacSigner(module, MacAlgorithm.UNIONPAY_POS_ECB, TEST_MAC_KEY);
    IsoCodec codec = IsoCodec.of(Specs.unionPayPos());
    byte[] wire = codec.encode(signer.sign(unionPay.request(Requests.holdWithPin(123))));
    assertThat(signer.verify(wire, codec.decode(wire))).isEqualTo(MacSigner.Check.VALID);

    byte[] tampered = wire.clone();
    tampered[wire.length - 12] ^= 0x01;
    assertThat(signer.verify(tampered, codec.decode(tampered))).isEqualTo(MacSigner.Check.INVALID);
    byte[] unsigned = codec.encode(unionPay.request(Requests.holdWithPin(123)));
    assertThat(signer.verify(unsigned, codec.decode(unsigned))).isEqualTo(MacSigner.Check.ABSENT);
  }

  @Test
  void messageWithASecondaryBitmapCarriesItsMacInField128() {
    MacSigner signer = new MacSigner(module, MacAlgorithm.ANSI_X9_19, TEST_MAC_KEY);
    MessageMapper iso =
        MessageMapper.of(MappingSettings.iso87(Dialect.ISO87_ASCII), Requests.session(1));

    IsoMessage signed =
        signer.sign(
            iso.request(Requests.followUp(RequestType.RELEASE, 200, HELD, HOLD_REFERENCES)));

    assertThat(signed.has(128)).isTrue();
    assertThat(signed.has(64)).isFalse();
    byte[] wire = IsoCodec.of(Specs.iso87Ascii()).encode(signed);
    byte[] mab = Arrays.copyOfRange(wire, 0, wire.length - 16);
    assertThat(signed.getBytes(128).get())
        .containsExactly(module.mac(MacAlgorithm.ANSI_X9_19, TEST_MAC_KEY, mab));
    assertThat(signer.verify(wire, IsoCodec.of(Specs.iso87Ascii()).decode(wire)))
        .isEqualTo(MacSigner.Check.VALID);
  }

  static byte[] hex(String text) {
    return Hex.parse(text);
  }
}
