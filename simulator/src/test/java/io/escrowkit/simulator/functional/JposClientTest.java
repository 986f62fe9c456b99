package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.MERCHANT;
import static io.escrowkit.simulator.functional.Requests.TERMINAL;
import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.HostProfile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.GenericPackager;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.Test;

/**
 * A standard ISO 8583 client, jPOS with its stock 1987 packagers and channels (ASCIIChannel:
 * 4-digit ASCII length; PostChannel: 2-byte binary length), or as a UnionPay terminal (NACChannel
 * with a GenericPackager for the UnionPay fields), gets correct answers, and MACs computed over
 * jPOS's own packing verify both ways.
 */
class JposClientTest {

  private final SoftwareSecureModule module = SoftwareSecureModule.withTestKeys(new Random(1));

  private static ISOMsg message(String mti, String stan) throws Exception {
    ISOMsg m = new ISOMsg();
    m.setMTI(mti);
    m.set(7, "0115101530");
    m.set(11, stan);
    m.set(41, TERMINAL);
    m.set(42, MERCHANT);
    return m;
  }

  private static ISOMsg preAuth(String stan, long amount) throws Exception {
    ISOMsg m = message("0100", stan);
    m.set(2, TEST_PAN);
    m.set(3, "030000");
    m.set(4, String.format("%012d", amount));
    m.set(25, "06");
    m.set(49, "156");
    return m;
  }

  /** Sets field 64 to the X9.19 MAC of jPOS's packing from the MTI up to the MAC. */
  private void sign(ISOMsg m, ISOPackager packager, int macLength) throws Exception {
    m.setPackager(packager);
    m.set(64, new byte[8]);
    byte[] packed = m.pack();
    m.set(
        64,
        module.mac(
            MacAlgorithm.ANSI_X9_19,
            SoftwareSecureModule.TEST_MAC_KEY_ID,
            Arrays.copyOf(packed, packed.length - macLength)));
  }

  private boolean macVerifies(ISOMsg answer, ISOPackager packager, int macLength) throws Exception {
    answer.setPackager(packager);
    byte[] packed = answer.pack();
    byte[] mac =
        module.mac(
            MacAlgorithm.ANSI_X9_19,
            SoftwareSecureModule.TEST_MAC_KEY_ID,
            Arrays.copyOf(packed, packed.length - macLength));
    return Arrays.equals(mac, answer.getBytes(64));
  }

  /** A UnionPay POS request (no field 7), condition 06, 60.1 {@code type}, batch 000001. */
  private static ISOMsg unionPayFinancial(
      String mti, String stan, String processing, long amount, String type) throws Exception {
    ISOMsg m = message(mti, stan);
    m.unset(7);
    m.set(2, TEST_PAN);
    m.set(3, processing);
    m.set(4, String.format("%012d", amount));
    m.set(25, "06");
    m.set(49, "156");
    m.set(60, type + "000001" + "000" + "5" + "0");
    return m;
  }

  /** Sets field 64 to the UnionPay ECB MAC of jPOS's packing from the MTI up to the MAC. */
  private void signUnionPay(ISOMsg m, ISOPackager packager) throws Exception {
    m.setPackager(packager);
    m.set(64, new byte[8]);
    byte[] packed = m.pack();
    m.set(64, module.mac(MacAlgorithm.UNIONPAY_POS_ECB, SoftwareSecureModule.TEST_MAC_KEY_ID,
        Arrays.copyOf(packed, packed.length - 8)));
  }

  private boolean unionPayMacVerifies(ISOMsg answer, ISOPackager packager) throws Exception {
    answer.setPackager(packager);
    byte[] packed = answer.pack();
    return module.verifyMac(MacAlgorithm.UNIONPAY_POS_ECB, SoftwareSecureModule.TEST_MAC_KEY_ID,
        Arrays.copyOf(packed, packed.length - 8), answer.getBytes(64));
  }

  private static ISOMsg exchange(BaseChannel channel, ISOMsg request) throws Exception {
    channel.send(request);
    return channel.receive();
  }

  @Test
  void asciiChannelWithIso87APackagerGetsNetworkManagementAndPreAuthAnswers() throws Exception {
    try (AcquirerSimulator host =
        AcquirerSimulator.builder().profile(HostProfile.ISO87_ASCII).start()) {
      ISO87APackager packager = new ISO87APackager();
      BaseChannel channel = new ASCIIChannel("127.0.0.1", host.port(), packager);
      channel.connect();
      try {
        ISOMsg echo = message("0800", "000001");
        echo.set(70, "301");
        ISOMsg echoed = exchange(channel, echo);
        ISOMsg request = preAuth("000002", 12_800);
        sign(request, packager, 16);
        ISOMsg held = exchange(channel, request);

        assertThat(echoed.getMTI()).isEqualTo("0810");
        assertThat(echoed.getString(39)).isEqualTo("00");
        assertThat(echoed.getString(11)).isEqualTo("000001");
        assertThat(held.getMTI()).isEqualTo("0110");
        assertThat(held.getString(39)).isEqualTo("00");
        assertThat(held.getString(11)).isEqualTo("000002");
        assertThat(held.getString(41)).isEqualTo(TERMINAL);
        assertThat(held.getString(38)).matches("\\d{6}");
        assertThat(macVerifies(held, packager, 16)).isTrue();
        assertThat(host.ledger().frozenTotal()).isEqualTo(12_800);
      } finally {
        channel.disconnect();
      }
    }
  }

  @Test
  void postChannelWithIso87BPackagerHoldsCapturesAndReverses() throws Exception {
    try (AcquirerSimulator host =
        AcquirerSimulator.builder().profile(HostProfile.ISO87_BINARY).start()) {
      ISO87BPackager packager = new ISO87BPackager();
      BaseChannel channel = new PostChannel("127.0.0.1", host.port(), packager);
      channel.connect();
      try {
        ISOMsg request = preAuth("000010", 10_000);
        sign(request, packager, 8);
        ISOMsg held = exchange(channel, request);
        ISOMsg completion = message("0200", "000011");
        completion.set(2, TEST_PAN);
        completion.set(3, "000000");
        completion.set(4, "000000008000");
        completion.set(25, "06");
        completion.set(38, held.getString(38));
        completion.set(49, "156");
        ISOMsg captured = exchange(channel, completion);
        ISOMsg reversal = message("0400", "000012");
        reversal.set(2, TEST_PAN);
        reversal.set(3, "000000");
        reversal.set(4, "000000008000");
        reversal.set(90, "0200" + "000011" + "0115101530" + "0".repeat(22));
        ISOMsg reversed = exchange(channel, reversal);

        assertThat(held.getString(39)).isEqualTo("00");
        assertThat(macVerifies(held, packager, 8)).isTrue();
        assertThat(captured.getMTI()).isEqualTo("0210");
        assertThat(captured.getString(39)).isEqualTo("00");
        assertThat(captured.getString(38)).isEqualTo(held.getString(38));
        assertThat(reversed.getMTI()).isEqualTo("0410");
        assertThat(reversed.getString(39)).isEqualTo("00");
        assertThat(reversed.getString(90)).isEqualTo(reversal.getString(90));
        assertThat(host.ledger().capturedTotal()).isZero();
        assertThat(host.ledger().frozenTotal()).isEqualTo(10_000);
        assertThat(host.ledger().reversalsApplied()).isEqualTo(1);
      } finally {
        channel.disconnect();
      }
    }
  }

  /**
   * A jPOS UnionPay terminal: a {@code NACChannel} with the TPDU and the 6-byte header, and a
   * {@code GenericPackager} for the UnionPay POS fields (the transport module's
   * {@code xml/cup-pos.xml}), its MACs the UnionPay ECB MAC over jPOS's own packing.
   */
  @Test
  void nacChannelWithAUnionPayPackagerSignsOnHoldsAndCompletes() throws Exception {
    ISOPackager packager;
    try (InputStream xml = Files.newInputStream(
        Path.of("../transport-iso8583/src/test/resources/xml/cup-pos.xml"))) {
      packager = new GenericPackager(xml);
    }
    byte[] tpduAndHeader = HexFormat.of().parseHex("6000120034" + "603100310000");
    try (AcquirerSimulator host =
        AcquirerSimulator.builder().profile(HostProfile.CUP).start()) {
      BaseChannel channel = new NACChannel("127.0.0.1", host.port(), packager, tpduAndHeader);
      channel.connect();
      try {
        ISOMsg signOn = message("0800", "000021");
        signOn.unset(7);
        signOn.set(60, "00" + "000001" + "003");
        signOn.set(63, "01 ");
        ISOMsg signedOn = exchange(channel, signOn);
        ISOMsg request = unionPayFinancial("0100", "000022", "030000", 12_800, "10");
        request.set(22, "051");
        signUnionPay(request, packager);
        ISOMsg held = exchange(channel, request);
        ISOMsg completion = unionPayFinancial("0200", "000023", "000000", 10_000, "20");
        completion.set(22, "002");
        completion.set(38, held.getString(38));
        completion.set(61, "000001" + "000022" + held.getString(13));
        signUnionPay(completion, packager);
        ISOMsg captured = exchange(channel, completion);

        assertThat(signedOn.getMTI()).isEqualTo("0810");
        assertThat(signedOn.getString(39)).isEqualTo("00");
        // the TPDU comes back with its addresses swapped, the header as it was
        assertThat(HexFormat.of().formatHex(held.getHeader()))
            .isEqualTo("6000340012" + "603100310000");
        assertThat(held.getMTI()).isEqualTo("0110");
        assertThat(held.getString(39)).isEqualTo("00");
        assertThat(held.getString(11)).isEqualTo("000022");
        assertThat(held.getString(37)).matches("\\d{12}");
        assertThat(unionPayMacVerifies(held, packager)).isTrue();
        assertThat(captured.getMTI()).isEqualTo("0210");
        assertThat(captured.getString(39)).isEqualTo("00");
        assertThat(unionPayMacVerifies(captured, packager)).isTrue();
        assertThat(host.ledger().frozenTotal()).isZero();
        assertThat(host.ledger().capturedTotal()).isEqualTo(10_000);
      } finally {
        channel.disconnect();
      }
    }
  }
}
