package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.Requests.TEST_PAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.tlv.Tlv;
import io.escrowkit.iso8583.tlv.TlvBuilder;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.functional.Requests.Ref;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every UnionPay POS message type over real loopback TCP, checked on the wire and in the books. */
class CupMessagesTest {

  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T02:15:30Z"), ZoneId.of("Asia/Shanghai"));

  private AcquirerSimulator host;
  private TestTerminal terminal;
  private final Requests requests = new Requests(HostProfile.CUP);

  @BeforeEach
  void start() throws Exception {
    host = AcquirerSimulator.builder().profile(HostProfile.CUP).clock(CLOCK).seed(7).start();
    terminal = new TestTerminal(host);
  }

  @AfterEach
  void stop() throws Exception {
    terminal.close();
    host.close();
  }

  private Ref hold(long amount) throws Exception {
    DecodedMessage answer = terminal.exchange(requests.preAuth(TEST_PAN, amount));
    assertThat(answer.readString(39)).isEqualTo("00");
    return Ref.of(answer);
  }

  @Test
  void signOnIsAnsweredWithTheTpduSwappedAndTheRequestsIdentifiersEchoed() throws Exception {
    IsoMessage request = requests.signOn();
    DecodedMessage answer = terminal.exchange(request);

    assertThat(answer.mti()).isEqualTo("0810");
    assertThat(answer.tpdu()).containsExactly(0x60, 0x00, 0x00, 0x00, 0x03);
    assertThat(answer.header()).containsExactly(Requests.HEADER);
    assertThat(answer.readString(39)).isEqualTo("00");
    assertThat(answer.readString(11)).isEqualTo(request.get(11).get());
    assertThat(answer.readString(41)).isEqualTo(Requests.TERMINAL);
    assertThat(answer.readString(42)).isEqualTo(Requests.MERCHANT);
    assertThat(answer.readSubfield(60, 3)).isEqualTo("003");
    assertThat(answer.readString(12)).isEqualTo("101530");
    assertThat(answer.readString(13)).isEqualTo("0115");
  }

  @Test
  void closeEndsTheConnectionsAndStopsListening() throws Exception {
    assertThat(terminal.exchange(requests.echo()).mti()).isEqualTo("0830");
    assertThat(host.openConnections()).isEqualTo(1);

    host.close();

    assertThat(terminal.isClosedByHost()).isTrue();
    assertThat(host.openConnections()).isZero();
    assertThatThrownBy(() -> new Socket(host.address().getAddress(), host.port()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void echoTestIsAnswered0830() throws Exception {
    DecodedMessage answer = terminal.exchange(requests.echo());

    assertThat(answer.mti()).isEqualTo("0830");
    assertThat(answer.readString(39)).isEqualTo("00");
  }

  @Test
  void preAuthorizationFreezesTheAmountAndAnswersWithAuthCodeAndReference() throws Exception {
    DecodedMessage answer = terminal.exchange(requests.preAuth(TEST_PAN, 12_800));

    assertThat(answer.mti()).isEqualTo("0110");
    assertThat(answer.readString(39)).isEqualTo("00");
    assertThat(answer.readString(38)).matches("\\d{6}");
    assertThat(answer.readString(37)).matches("\\d{12}");
    assertThat(answer.readLong(4)).isEqualTo(12_800);
    assertThat(answer.readSubfield(60, 1)).isEqualTo("10");
    assertThat(answer.has(35)).isFalse();
    Authorization auth = host.ledger().authorization(answer.readString(38)).get();
    assertThat(auth.held()).isEqualTo(12_800);
    assertThat(auth.frozen()).isEqualTo(12_800);
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.HELD);
    assertThat(auth.maskedPan()).isEqualTo("622588******5678");
    assertThat(auth.rrn()).isEqualTo(answer.readString(37));
    assertThat(
            host.ledger()
                .authorizationByTrace(Requests.TERMINAL, Requests.MERCHANT, answer.readString(11)))
        .contains(auth);
    assertThat(host.ledger().frozenTotal()).isEqualTo(12_800);
  }

  @Test
  void repeatedTraceNumberIsRefused94AndNotBookedTwice() throws Exception {
    IsoMessage request = requests.preAuth(TEST_PAN, 1_000);

    assertThat(terminal.exchange(request).readString(39)).isEqualTo("00");
    assertThat(terminal.exchange(request).readString(39)).isEqualTo("94");
    assertThat(host.ledger().frozenTotal()).isEqualTo(1_000);
  }

  @Test
  void exchangesShowTheCardMaskedOnly() throws Exception {
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (AcquirerSimulator listened =
            AcquirerSimulator.builder().listener(e -> lines.add(e.toString())).start();
        TestTerminal other = new TestTerminal(listened)) {
      IsoMessage request =
          requests.preAuth(TEST_PAN, 1_000).toBuilder()
              .set(35, TEST_PAN + "=29122011234567890")
              .build();
      other.exchange(request);
      other.exchange(requests.reversal(request, "98"));
    }

    assertThat(lines)
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("622588******5678").doesNotContain(TEST_PAN));
  }

  @Test
  void inconsistentTransactionTypeIsRefused12AndAnUnknownOne40() throws Exception {
    IsoMessage wrongMti = requests.preAuth(TEST_PAN, 1_000).toBuilder().mti("0200").build();
    IsoMessage balanceInquiry =
        requests.preAuth(TEST_PAN, 1_000).toBuilder()
            .setSubfields(60, "01", Requests.BATCH)
            .build();

    assertThat(terminal.exchange(wrongMti).readString(39)).isEqualTo("12");
    assertThat(terminal.exchange(balanceInquiry).readString(39)).isEqualTo("40");
    assertThat(host.ledger().authorizations()).isEmpty();
  }

  /**
   * A request laid out right, a value of which does not read (a BCD nibble A in the amount): a
   * format error (30) echoing what reads, the trace and terminal included, nothing booked; the
   * terminal is not left to time out and reverse.
   */
  @Test
  void aValueThatDoesNotReadIsAnsweredFormatErrorAndBooksNothing() throws Exception {
    IsoMessage preAuth = requests.preAuth(TEST_PAN, 1_000);
    byte[] frame = terminal.frameOf(preAuth);
    int lastAmountByte = terminal.valueOffset(frame, 4) + 5;
    frame[lastAmountByte] = (byte) ((frame[lastAmountByte] & 0xF0) | 0x0A);

    terminal.sendFrame(frame);
    DecodedMessage refused = terminal.receive();

    assertThat(refused.mti()).isEqualTo("0110");
    assertThat(refused.readString(39)).isEqualTo("30");
    assertThat(refused.readString(11)).isEqualTo(preAuth.get(11).get());
    assertThat(refused.readString(41)).isEqualTo(preAuth.get(41).get());
    assertThat(refused.has(4)).isFalse();
    assertThat(host.ledger().authorizations()).isEmpty();
    assertThat(terminal.exchange(requests.preAuth(TEST_PAN, 1_000)).readString(39))
        .isEqualTo("00");
  }

  /**
   * The same under a MAC: one that verifies gets the format error signed; a wrong one is refused
   * for that first (A0, unsigned), as any request is.
   */
  @Test
  void aValueThatDoesNotReadIsSignedUnderARightMacAndAMacRefusalUnderAWrongOne()
      throws Exception {
    for (boolean corrupt : new boolean[] {false, true}) {
      IsoMessage preAuth = terminal.sign(requests.preAuth(TEST_PAN, 1_000), false);
      byte[] frame = terminal.frameOf(preAuth);
      int lastAmountByte = terminal.valueOffset(frame, 4) + 5;
      frame[lastAmountByte] = (byte) ((frame[lastAmountByte] & 0xF0) | 0x0A);
      terminal.resign(frame, corrupt);

      terminal.sendFrame(frame);
      byte[] body = terminal.receiveBody();
      DecodedMessage refused = IsoCodec.of(HostProfile.CUP.spec()).decode(body);

      assertThat(refused.readString(39)).isEqualTo(corrupt ? "A0" : "30");
      assertThat(refused.has(64)).isEqualTo(!corrupt);
      if (!corrupt) {
        assertThat(terminal.macVerifies(refused, body)).isTrue();
      }
    }
    assertThat(host.ledger().authorizations()).isEmpty();
  }

  /**
   * A reversal repeats its original's F3 and 60.1, checked as the original's are: without field
   * 60 it is a format error (30), with a processing code 60.1 contradicts an invalid transaction
   * (12); neither undoes the hold.
   */
  @Test
  void aReversalWithoutField60OrWithAContradictoryOneUndoesNothing() throws Exception {
    IsoMessage preAuth = requests.preAuth(TEST_PAN, 1_000);
    assertThat(terminal.exchange(preAuth).readString(39)).isEqualTo("00");
    IsoMessage reversal = requests.reversal(preAuth, "98");

    DecodedMessage without60 = terminal.exchange(reversal.toBuilder().remove(60).build());
    DecodedMessage contradictory =
        terminal.exchange(reversal.toBuilder().setSubfields(60, "20", Requests.BATCH).build());

    assertThat(without60.readString(39)).isEqualTo("30");
    assertThat(contradictory.readString(39)).isEqualTo("12");
    assertThat(host.ledger().frozenTotal()).isEqualTo(1_000);
    assertThat(terminal.exchange(reversal).readString(39)).isEqualTo("00");
    assertThat(host.ledger().frozenTotal()).isZero();
  }

  @Test
  void missingTerminalIdIsRefused30() throws Exception {
    IsoMessage request = requests.preAuth(TEST_PAN, 1_000).toBuilder().remove(41).build();

    DecodedMessage answer = terminal.exchange(request);

    assertThat(answer.readString(39)).isEqualTo("30");
    assertThat(answer.readString(11)).isEqualTo(request.get(11).get());
  }

  @Test
  void chipPreAuthorizationIsAnsweredWithTheResponseCodeInTag8A() throws Exception {
    IsoMessage request =
        requests.preAuth(TEST_PAN, 5_000).toBuilder()
            .set(55, TlvBuilder.create().addHex(0x9F26, "A1B2C3D4E5F60718").build())
            .build();

    DecodedMessage answer = terminal.exchange(request);

    List<Tlv> emv = answer.readTlv(55);
    assertThat(Tlv.find(emv, 0x8A).get().value()).containsExactly('0', '0');
    assertThat(Tlv.find(emv, 0x9F26)).isEmpty();
  }
}
