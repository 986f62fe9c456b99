package io.escrowkit.iso8583.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.iso8583.channel.Framing;
import io.escrowkit.iso8583.mapping.Dialect;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.channel.NACChannel;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.GenericPackager;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client and this transport against a host that is not ours: a jPOS 2.1.9 {@code ISOServer}.
 *
 * <ul>
 *   <li>ISO 87, with jPOS's stock 1987 packagers and channels (PostChannel: 2-byte binary length;
 *       ASCIIChannel: 4-digit ASCII length), answering as the simplest acquirers do: the request
 *       echoed back with the response MTI, an authorization code and retrieval reference on a
 *       pre-authorization, and 39 = 00. The echo carries back every field the request had (card
 *       number, track data, PIN block), which the transport must take as a plain answer.
 *   <li>UnionPay POS, over a {@code NACChannel} (2-byte length, then an 11-byte header: the TPDU
 *       and UnionPay's 6-byte header) with a {@code GenericPackager} for the UnionPay POS fields
 *       ({@code xml/cup-pos.xml}): the host signs the terminal on, approves with an authorization
 *       code and a retrieval reference, and MACs its answers (UnionPay ECB MAC over jPOS's own
 *       packing, under the shared test MAC key), which the transport checks.
 * </ul>
 */
class JposHostTest {
  private static final byte[] TPDU_AND_HEADER =
      HexFormat.of().parseHex("6000000000" + "603100310000");

  private final SoftwareSecureModule hostKeys = SoftwareSecureModule.withTestKeys(new Random(1));
  private final ISOPackager packager = cupPackager();
  private JposHost host;
  private ClientOverIso terminal;

  private static ISOPackager cupPackager() {
    try (InputStream xml = JposHostTest.class.getResourceAsStream("/xml/cup-pos.xml")) {
      return new GenericPackager(xml);
    } catch (Exception e) {
      throw new IllegalStateException("xml/cup-pos.xml does not load into jPOS", e);
    }
  }

  /** An acquirer's answers: signs on, approves, MACs each financial answer. */
  private Optional<ISOMsg> acquirer(ISOMsg request) throws ISOException {
    ISOMsg answer = new ISOMsg();
    answer.setPackager(packager);
    answer.setHeader(request.getHeader());
    answer.setMTI(request.getMTI());
    answer.setResponseMTI();
    for (int field : new int[] {2, 3, 4, 11, 25, 41, 42, 49, 60}) {
      if (request.hasField(field)) {
        answer.set(field, request.getString(field));
      }
    }
    answer.set(12, "101530");
    answer.set(13, "1126");
    answer.set(39, "00");
    if (!request.getMTI().startsWith("08")) {
      answer.set(37, "321" + request.getString(11) + "000");
      answer.set(38, request.hasField(38) ? request.getString(38) : "B7C8D9");
      sign(answer);
    }
    return Optional.of(answer);
  }

  /** Field 64: the UnionPay ECB MAC of jPOS's packing from the MTI up to the MAC. */
  private void sign(ISOMsg answer) throws ISOException {
    answer.set(64, new byte[8]);
    byte[] packed = answer.pack();
    answer.set(64, hostKeys.mac(MacAlgorithm.UNIONPAY_POS_ECB,
        SoftwareSecureModule.TEST_MAC_KEY_ID, Arrays.copyOf(packed, packed.length - 8)));
  }

  /**
   * The answer of the simplest acquirers: the request echoed with the response MTI, an
   * authorization code and retrieval reference on a pre-authorization, and 39 = 00.
   */
  private static Optional<ISOMsg> echoApproving(ISOMsg request) throws ISOException {
    ISOMsg answer = (ISOMsg) request.clone();
    answer.setResponseMTI();
    if (request.getMTI().equals("0100")) {
      answer.set(38, "A1B2C3");
      answer.set(37, "000000" + request.getString(11));
    }
    answer.set(39, "00");
    return Optional.of(answer);
  }

  private void startClient(Dialect dialect, Framing framing, Duration timeout) {
    terminal = new ClientOverIso(host.port(), t -> t.dialect(dialect).framing(framing), timeout);
  }

  private void startUnionPay() throws Exception {
    host = JposHost.start(new NACChannel(packager, TPDU_AND_HEADER), this::acquirer);
    terminal = new ClientOverIso(host.port(),
        t -> t.mac(SoftwareSecureModule.withTestKeys(new Random(5)),
                SoftwareSecureModule.TEST_MAC_KEY_ID)
            .signOnOnConnect(true),
        Duration.ofSeconds(10));
  }

  @AfterEach
  void close() throws InterruptedException {
    if (terminal != null) {
      terminal.close();
    }
    if (host != null) {
      host.close();
    }
  }

  @Test
  void holdThenCaptureOverPostChannelWithIso87BPackager() throws Exception {
    host = JposHost.start(new PostChannel(new ISO87BPackager()), JposHostTest::echoApproving);
    startClient(Dialect.ISO87_BINARY, Framing.binaryLength(), Duration.ofSeconds(10));

    Escrow held = terminal.hold("128.00");
    Escrow captured = held.capture(Money.of("100.00", "CNY")).execute();

    assertThat(held.state()).isEqualTo(EscrowState.HELD);
    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(captured.snapshot().captured()).isEqualTo(Money.of("100.00", "CNY"));
    ISOMsg preAuth = host.next();
    ISOMsg completion = host.next();
    assertThat(preAuth.getMTI()).isEqualTo("0100");
    assertThat(preAuth.getString(4)).isEqualTo("000000012800");
    // the terminal gives its ISO 87 requests their retrieval reference: y ddd hh, then the trace
    assertThat(preAuth.getString(37)).hasSize(12).endsWith(preAuth.getString(11));
    // a completion names its hold's number, the one the host answered with
    assertThat(completion.getString(37)).isEqualTo("000000" + preAuth.getString(11));
    assertThat(completion.getMTI()).isEqualTo("0200");
    assertThat(completion.getString(4)).isEqualTo("000000010000");
    assertThat(completion.getString(38)).isEqualTo("A1B2C3");
    // ISO 87 names the original in field 90: its MTI, trace and transmission time.
    assertThat(completion.getString(90))
        .startsWith("0100" + preAuth.getString(11) + preAuth.getString(7));
  }

  @Test
  void holdThenReleaseOverAsciiChannelWithIso87APackager() throws Exception {
    host = JposHost.start(new ASCIIChannel(new ISO87APackager()), JposHostTest::echoApproving);
    startClient(Dialect.ISO87_ASCII, Framing.asciiLength(), Duration.ofSeconds(10));

    Escrow released = terminal.hold("66.00").release().execute();

    assertThat(released.state()).isEqualTo(EscrowState.RELEASED);
    ISOMsg preAuth = host.next();
    ISOMsg cancel = host.next();
    assertThat(preAuth.getMTI()).isEqualTo("0100");
    assertThat(cancel.getString(11)).isNotEqualTo(preAuth.getString(11));
    assertThat(cancel.getString(4)).isEqualTo("000000006600");
  }

  /** A host that approves only 50.00 of a 66.00 hold (10, field 4): 50.00 is held, and released. */
  @Test
  void aPartialApprovalHoldsAndReleasesTheApprovedAmount() throws Exception {
    host = JposHost.start(new PostChannel(new ISO87BPackager()), request -> {
      Optional<ISOMsg> answer = echoApproving(request);
      if (request.getString(3).equals("000000") && request.getMTI().equals("0100")) {
        answer.get().set(4, "000000005000");
        answer.get().set(39, "10");
      }
      return answer;
    });
    startClient(Dialect.ISO87_BINARY, Framing.binaryLength(), Duration.ofSeconds(10));

    Escrow held = terminal.hold("66.00");
    Escrow released = held.release().execute();

    assertThat(held.state()).isEqualTo(EscrowState.HELD);
    assertThat(held.snapshot().held()).isEqualTo(Money.of("50.00", "CNY"));
    assertThat(released.state()).isEqualTo(EscrowState.RELEASED);
    host.next();
    assertThat(host.next().getString(4)).as("the cancel's amount").isEqualTo("000000005000");
  }

  @Test
  void aHoldTheHostNeverAnswersIsReversedWithItsOwnTrace() throws Exception {
    host = JposHost.start(new PostChannel(new ISO87BPackager()),
        request -> request.getMTI().equals("0100") ? Optional.empty() : echoApproving(request));
    startClient(Dialect.ISO87_BINARY, Framing.binaryLength(), Duration.ofMillis(500));

    Escrow inDoubt = terminal.hold("20.00");

    ISOMsg preAuth = host.next();
    ISOMsg reversal = host.next();
    assertThat(reversal.getMTI()).isIn("0400", "0420");
    assertThat(reversal.getString(11)).isEqualTo(preAuth.getString(11));
    assertThat(reversal.getString(4)).isEqualTo(preAuth.getString(4));
    assertThat(reversal.getString(37)).hasSize(12).isEqualTo(preAuth.getString(37));
    assertThat(reversal.hasField(35)).isFalse();
    assertThat(reversal.hasField(52)).isFalse();
    assertThat(terminal.reversed.await(20, TimeUnit.SECONDS)).as("reversed").isTrue();
    assertThat(terminal.client.escrow(inDoubt.id()).get().state()).isEqualTo(EscrowState.REVERSED);
  }

  @Test
  void signsOnThenHoldsAndCapturesWithMacsBothWays() throws Exception {
    startUnionPay();

    Escrow held = terminal.hold("128.00");
    Escrow captured = held.capture(Money.of("100.00", "CNY")).execute();

    assertThat(held.state()).isEqualTo(EscrowState.HELD);
    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    ISOMsg signOn = host.next();
    ISOMsg preAuth = host.next();
    ISOMsg completion = host.next();
    assertThat(signOn.getMTI()).isEqualTo("0800");
    assertThat(preAuth.getMTI()).isEqualTo("0100");
    assertThat(preAuth.getString(3)).isEqualTo("030000");
    assertThat(preAuth.getString(25)).isEqualTo("06");
    assertThat(preAuth.getString(60)).startsWith("10");
    assertThat(preAuth.getString(2)).isEqualTo(TestCards.UNIONPAY_PAN);
    assertThat(preAuth.hasField(37)).as("UnionPay hosts give field 37").isFalse();
    assertThat(completion.getMTI()).isEqualTo("0200");
    assertThat(completion.getString(60)).startsWith("20");
    assertThat(completion.getString(38)).isEqualTo("B7C8D9");
    assertThat(completion.getString(61)).startsWith(preAuth.getString(60).substring(2, 8)
        + preAuth.getString(11));
    // the terminal's MACs verify over jPOS's own packing of what it received
    for (ISOMsg request : new ISOMsg[] {preAuth, completion}) {
      byte[] packed = request.pack();
      assertThat(hostKeys.verifyMac(MacAlgorithm.UNIONPAY_POS_ECB,
          SoftwareSecureModule.TEST_MAC_KEY_ID, Arrays.copyOf(packed, packed.length - 8),
          request.getBytes(64))).as("MAC of " + request.getMTI()).isTrue();
    }
  }
}
