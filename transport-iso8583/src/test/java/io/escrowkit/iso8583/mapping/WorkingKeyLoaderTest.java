package io.escrowkit.iso8583.mapping;

import static io.escrowkit.device.simulated.SoftwareSecureModule.TEST_MASTER_KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.WorkingKey;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.channel.LogCapture;
import io.escrowkit.iso8583.IsoMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sign-on answers (0810) whose field 62 carries working keys issued by a host's module under the
 * shared test master key, in each key scheme: loaded into the terminal's module under the
 * configured ids, or refused whole when a check value or the layout is wrong.
 */
class WorkingKeyLoaderTest {
  private static final byte[] DATA = "TEST MAB".getBytes(StandardCharsets.US_ASCII);
  private static final WorkingKeyIds IDS =
      new WorkingKeyIds(TEST_MASTER_KEY_ID, "PIK", "MAK", "TDK");

  private final MessageMapper mapper =
      MessageMapper.of(MappingSettings.unionPay(), Requests.session(500));
  private final SoftwareSecureModule host = SoftwareSecureModule.withTestKeys(new Random(1));
  private final SoftwareSecureModule terminal = SoftwareSecureModule.withTestKeys(new Random(2));
  private final WorkingKeyLoader loader = new WorkingKeyLoader(terminal, IDS);

  /** Field 62 as the host sends it: each key under the master key, then its check value. */
  private byte[] field62(int... lengths) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] ids = {"PIK", "MAK", "TDK"};
    for (int i = 0; i < lengths.length; i++) {
      WorkingKey key = host.issueWorkingKey(TEST_MASTER_KEY_ID, ids[i], lengths[i], 4);
      out.writeBytes(key.encryptedKey());
      out.writeBytes(key.checkValue());
    }
    return out.toByteArray();
  }

  private IsoMessage answer(String scheme, byte[] field62) {
    return mapper.signOn().toBuilder()
        .mti("0810")
        .set(39, "00")
        .setSubfields(60, "00", "000001", scheme)
        .set(62, new String(field62, StandardCharsets.ISO_8859_1))
        .build();
  }

  private boolean macsAgree(String keyId) {
    return Arrays.equals(
        terminal.mac(MacAlgorithm.UNIONPAY_POS_ECB, keyId, DATA),
        host.mac(MacAlgorithm.UNIONPAY_POS_ECB, keyId, DATA));
  }

  @Test
  void doubleLengthKeysWithADoubleLengthMacKeyLoad() {
    boolean loaded = loader.load(UnionPayPosMapperTest.decode(answer("003", field62(16, 16))));

    assertThat(loaded).isTrue();
    assertThat(macsAgree("PIK")).isTrue();
    assertThat(macsAgree("MAK")).isTrue();
    assertThat(terminal.keyIds()).doesNotContain("TDK");
  }

  @Test
  void doubleLengthPinKeyWithASingleLengthMacKeyLoads() {
    assertThat(loader.load(UnionPayPosMapperTest.decode(answer("003", field62(16, 8))))).isTrue();
    assertThat(macsAgree("MAK")).isTrue();
  }

  /**
   * Most UnionPay hosts answer a 003 sign-on with 40 bytes whose MAC key is single-length, padded
   * with 8 zero bytes to the double-length slot (seen in several published 0810 captures).
   */
  @Test
  void aSingleLengthMacKeyPaddedWithZerosToSixteenBytesLoadsAsSingleLength() {
    WorkingKey pin = host.issueWorkingKey(TEST_MASTER_KEY_ID, "PIK", 16, 4);
    WorkingKey mac = host.issueWorkingKey(TEST_MASTER_KEY_ID, "MAK", 8, 4);
    ByteArrayOutputStream padded = new ByteArrayOutputStream();
    padded.writeBytes(pin.encryptedKey());
    padded.writeBytes(pin.checkValue());
    padded.writeBytes(mac.encryptedKey());
    padded.writeBytes(new byte[8]);
    padded.writeBytes(mac.checkValue());
    assertThat(padded.size()).isEqualTo(40);

    assertThat(loader.load(UnionPayPosMapperTest.decode(answer("003", padded.toByteArray()))))
        .isTrue();
    assertThat(macsAgree("PIK")).isTrue();
    assertThat(macsAgree("MAK")).isTrue();
  }

  /**
   * A connection MACing with ANSI X9.19 needs a double-length MAC key: a sign-on answer with a
   * single-length one (here padded to the double-length slot) fails the sign-on, with nothing
   * loaded, instead of loading a key every MAC would then fail on.
   */
  @Test
  void aSingleLengthMacKeyFailsTheSignOnOfAConnectionMacingWithX919() {
    WorkingKeyLoader x919 =
        new WorkingKeyLoader(terminal, IDS, "003", MacAlgorithm.ANSI_X9_19);
    byte[] keys = field62(16, 16);
    Arrays.fill(keys, 20 + 8, 20 + 16, (byte) 0); // the MAC key's slot: 8 bytes, then zeros

    try (LogCapture log = LogCapture.of(WorkingKeyLoader.class.getName())) {
      assertThat(x919.load(UnionPayPosMapperTest.decode(answer("003", keys)))).isFalse();
      assertThat(log.warnings()).singleElement().asString()
          .contains("8-byte MAC key", "ANSI_X9_19 cannot use", "macAlgorithm");
    }
    assertThat(x919.load(UnionPayPosMapperTest.decode(answer("003", field62(16, 8))))).isFalse();
    assertThat(terminal.keyIds()).doesNotContain("PIK", "MAK");
    assertThat(x919.load(UnionPayPosMapperTest.decode(answer("003", field62(16, 16))))).isTrue();
    assertThat(macsAgree("MAK")).isTrue();
  }

  @Test
  void singleDesKeysLoad() {
    assertThat(loader.load(UnionPayPosMapperTest.decode(answer("001", field62(8, 8))))).isTrue();
    assertThat(macsAgree("PIK")).isTrue();
    assertThat(macsAgree("MAK")).isTrue();
  }

  @Test
  void anAnswerNamingNoSchemeIsReadByTheSchemeTheSignOnAskedFor() {
    IsoMessage noScheme = answer("001", field62(8, 8)).toBuilder()
        .setSubfields(60, "00", "000001")
        .build();
    WorkingKeyLoader askedSingleDes = new WorkingKeyLoader(terminal, IDS, "001");

    assertThat(loader.load(UnionPayPosMapperTest.decode(noScheme))).isFalse(); // read as 003
    assertThat(askedSingleDes.load(UnionPayPosMapperTest.decode(noScheme))).isTrue();
    assertThat(macsAgree("MAK")).isTrue();
    assertThatThrownBy(() -> new WorkingKeyLoader(terminal, IDS, "002"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestedScheme must be 001, 003 or 004, got 002");
  }

  @Test
  void scheme004AlsoLoadsTheTrackKey() {
    assertThat(loader.load(UnionPayPosMapperTest.decode(answer("004", field62(16, 16, 16)))))
        .isTrue();
    assertThat(macsAgree("TDK")).isTrue();
  }

  @Test
  void aWrongMacKeyCheckValueFailsTheSignOnAndLogsNoKeyMaterial() {
    byte[] keys = field62(16, 16);
    keys[keys.length - 1] ^= 0x01;

    try (LogCapture log = LogCapture.of("io.escrowkit")) {
      assertThat(loader.load(UnionPayPosMapperTest.decode(answer("003", keys)))).isFalse();

      assertThat(log.text()).contains("KEY_CHECK_FAILED").contains("MAK");
      String macKeyHex = Hex.of(Arrays.copyOfRange(keys, 20, 36));
      assertThat(log.text().toUpperCase(Locale.ROOT))
          .doesNotContain(macKeyHex.substring(0, 8))
          .doesNotContain(Hex.of(Arrays.copyOfRange(keys, 36, 40)));
    }
    assertThat(terminal.keyIds()).doesNotContain("MAK");
  }

  @Test
  void aLengthTheSchemeDoesNotHaveFailsTheSignOn() {
    assertThat(loader.load(UnionPayPosMapperTest.decode(answer("001", field62(16, 16)))))
        .isFalse();
    assertThat(terminal.keyIds()).doesNotContain("PIK", "MAK");
  }

  @Test
  void anAnswerWithoutKeysFailsTheSignOn() {
    IsoMessage noKeys = answer("003", field62(16, 16)).toBuilder().remove(62).build();

    assertThat(loader.load(UnionPayPosMapperTest.decode(noKeys))).isFalse();
  }

  @Test
  void keyIdsMustDiffer() {
    assertThatThrownBy(
            () -> new WorkingKeyIds(TEST_MASTER_KEY_ID, "K", "K", "TDK"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new WorkingKeyIds("TMK", "TMK", "MAK", "TDK"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
