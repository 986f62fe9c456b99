package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.MERCHANT;
import static io.escrowkit.simulator.functional.Requests.TERMINAL;
import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.HostProfile;
import java.util.Arrays;
import java.util.Random;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.Test;

/**
 * A standard ISO 8583 client, jPOS with its stock 1987 packagers and channels (ASCIIChannel:
 * 4-digit ASCII length; PostChannel: 2-byte binary length), gets correct answers, and MACs computed
 * over jPOS's own packing verify both ways.
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
}
