package io.escrowkit.iso8583.mapping;

import static io.escrowkit.iso8583.mapping.Requests.HELD;
import static io.escrowkit.iso8583.mapping.Requests.HOLD_REFERENCES;
import static io.escrowkit.iso8583.mapping.UnionPayPosMapperTest.decode;
import static io.escrowkit.iso8583.mapping.UnionPayPosMapperTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Money;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each request type in the generic ISO 8583:1987 dialects, field by field. */
class Iso87MapperTest {
  private final TerminalSession session = Requests.session(700);
  private final MessageMapper binary =
      MessageMapper.of(
          MappingSettings.iso87(Dialect.ISO87_BINARY).withZone(ZoneId.of("Asia/Shanghai")),
          session);

  @Test
  void holdIsAuthorization0100WithTransmissionTimeInUtcAndLocalTimeInTheZone() {
    IsoMessage m = binary.request(Requests.holdWithPin(123));

    assertThat(m.mti()).isEqualTo("0100");
    assertThat(m.tpdu()).isEmpty();
    assertThat(m.fields())
        .containsExactly(2, 3, 4, 7, 11, 12, 13, 14, 22, 23, 25, 35, 37, 41, 42, 49, 52, 55);
    assertThat(text(m, 3)).isEqualTo("000000");
    // y ddd hh, local (2025-03-14, day 73, 10 h in Shanghai), then the trace
    assertThat(text(m, 37)).isEqualTo("5" + "073" + "10" + "000123");
    assertThat(text(m, 4)).isEqualTo("000000012800");
    assertThat(text(m, 7)).isEqualTo("0314021530");
    assertThat(text(m, 12)).isEqualTo("101530");
    assertThat(text(m, 13)).isEqualTo("0314");
    assertThat(text(m, 22)).isEqualTo("051");
    assertThat(text(m, 25)).isEqualTo("00");
    assertThat(text(m, 49)).isEqualTo("156");
  }

  @Test
  void swipedCardIsEntryMode90() {
    IsoMessage m =
        binary.request(
            Requests.hold(
                124,
                io.escrowkit.device.simulated.TestCards.card(
                    "6200000000000005", io.escrowkit.device.EntryMode.MAGSTRIPE),
                java.util.Optional.empty()));

    assertThat(text(m, 22)).isEqualTo("901");
  }

  @Test
  void releaseNamesTheHoldInField90() {
    IsoMessage m =
        binary.request(Requests.followUp(RequestType.RELEASE, 200, HELD, HOLD_REFERENCES));

    assertThat(m.mti()).isEqualTo("0100");
    assertThat(m.fields()).containsExactly(3, 4, 7, 11, 12, 13, 22, 25, 37, 38, 41, 42, 49, 90);
    assertThat(text(m, 3)).isEqualTo("200000");
    assertThat(text(m, 37)).as("the hold's").isEqualTo("000000000777");
    assertThat(text(m, 38)).isEqualTo("AB1234");
    assertThat(text(m, 90))
        .isEqualTo("0100" + "000123" + "0314021530" + "00000000000" + "00000000000");
  }

  @Test
  void offlineCaptureIsCompletionAdvice0220AndAVoidNamesIt() {
    IsoMessage advice =
        binary.request(Requests.followUp(RequestType.CAPTURE_ADVICE, 204, HELD, HOLD_REFERENCES));
    Map<String, String> refs = new java.util.HashMap<>(HOLD_REFERENCES);
    refs.put(IsoHostReferences.CAPTURE_MTI, "0220");
    refs.put(IsoHostReferences.CAPTURE_TRACE, "000204");
    refs.put(IsoHostReferences.CAPTURE_TRANSMISSION, "0314021530");

    IsoMessage voided =
        binary.request(Requests.followUp(RequestType.VOID_CAPTURE, 205, HELD, refs));

    assertThat(advice.mti() + text(advice, 3) + text(advice, 25)).isEqualTo("022000000006");
    assertThat(binary.repeatOf(advice).get().mti()).isEqualTo("0221");
    assertThat(text(binary.repeatOf(advice).get(), 37)).isEqualTo(text(advice, 37))
        .isEqualTo("000000000777");
    assertThat(text(voided, 90).substring(0, 10)).isEqualTo("0220" + "000204");
  }

  @Test
  void anAdviceSentLateGivesTheCapturesLocalTimeIn12And13AndTheSendTimeIn7() {
    TransportRequest capturedEarlier =
        Requests.followUp(RequestType.CAPTURE_ADVICE, 204, HELD, HOLD_REFERENCES);
    Instant capturedAt = capturedEarlier.transmittedAt(); // 2:15:30 UTC, 10:15:30 in Shanghai
    TransportRequest advice =
        capturedEarlier.toBuilder()
            .transmittedAt(capturedAt.plus(Duration.ofHours(15))) // the host was down overnight
            .transactedAt(capturedAt)
            .build();

    IsoMessage m = binary.request(advice);

    assertThat(text(m, 7)).isEqualTo("0314171530");
    assertThat(text(m, 12)).isEqualTo("101530");
    assertThat(text(m, 13)).isEqualTo("0314");
  }

  @Test
  void captureVoidAndRefundCarryTheTableCodes() {
    IsoMessage capture =
        binary.request(
            Requests.followUp(
                RequestType.CAPTURE, 201, Money.of("100.00", "CNY"), HOLD_REFERENCES));
    IsoMessage voided =
        binary.request(
            Requests.followUp(
                RequestType.VOID_CAPTURE, 202, Money.of("100.00", "CNY"), HOLD_REFERENCES));
    IsoMessage refund =
        binary.request(
            Requests.followUp(RequestType.REFUND, 203, Money.of("30.00", "CNY"), HOLD_REFERENCES));

    assertThat(capture.mti() + text(capture, 3) + text(capture, 25)).isEqualTo("020000000006");
    assertThat(voided.mti() + text(voided, 3) + text(voided, 25)).isEqualTo("020020000006");
    assertThat(text(voided, 37)).isEqualTo("000000000777");
    assertThat(refund.mti() + text(refund, 3) + text(refund, 25)).isEqualTo("020020000000");
    assertThat(capture.has(60) || capture.has(61)).isFalse();
  }

  @Test
  void reversalNamesItsOriginalInField90AndGivesTheReason() {
    MessageMapper advices =
        MessageMapper.of(
            MappingSettings.iso87(Dialect.ISO87_BINARY).withReversalMti("0420"), session);

    IsoMessage m =
        advices.request(
            Requests.reversal(
                RequestType.CAPTURE, 201, Money.of("100.00", "CNY"), "98", HOLD_REFERENCES));

    assertThat(m.mti()).isEqualTo("0420");
    assertThat(m.fields())
        .containsExactly(3, 4, 7, 11, 12, 13, 22, 25, 37, 38, 39, 41, 42, 49, 90);
    assertThat(text(m, 3)).isEqualTo("000000");
    // the original's: the capture named its hold's
    assertThat(text(m, 37)).isEqualTo("000000000777");
    assertThat(text(m, 7)).isEqualTo("0314021700");
    assertThat(text(m, 11)).isEqualTo("000201");
    assertThat(text(m, 39)).isEqualTo("98");
    assertThat(text(m, 90))
        .isEqualTo("0200" + "000201" + "0314021530" + "00000000000" + "00000000000");
  }

  @Test
  void acquirerIdGoesInField32AndTheOriginalData() {
    MessageMapper withAcquirer =
        MessageMapper.of(
            MappingSettings.iso87(Dialect.ISO87_ASCII).withAcquirerId("12345678"), session);

    IsoMessage m =
        withAcquirer.request(Requests.followUp(RequestType.RELEASE, 200, HELD, HOLD_REFERENCES));

    assertThat(text(m, 32)).isEqualTo("12345678");
    assertThat(text(m, 90)).endsWith("00012345678" + "00000000000");
  }

  @Test
  void signOnAndEchoAre0800WithNetworkCodes001And301() {
    IsoMessage signOn = binary.signOn();
    IsoMessage echo = binary.echo();

    assertThat(signOn.mti()).isEqualTo("0800");
    assertThat(signOn.fields()).containsExactly(7, 11, 41, 42, 70);
    assertThat(text(signOn, 70)).isEqualTo("001");
    assertThat(text(signOn, 11)).isEqualTo("000700");
    assertThat(echo.mti()).isEqualTo("0800");
    assertThat(text(echo, 70)).isEqualTo("301");
    assertThat(text(echo, 11)).isEqualTo("000701");
    IsoMessage approved = signOn.toBuilder().mti("0810").set(39, "00").build();
    assertThat(binary.signedOn(decode(approved))).isTrue();
  }

  @Test
  void holdReferencesKeepTheTransmissionTimeForField90() {
    IsoMessage sent = binary.request(Requests.holdWithPin(123));
    IsoMessage answer =
        IsoMessage.builder(Specs.iso87Binary())
            .mti("0110")
            .set(11, "000123")
            .set(38, "XY9876")
            .set(39, "00")
            .set(41, "TERM0001")
            .build();

    Map<String, String> refs = binary.references(Requests.holdWithPin(123), sent, decode(answer));

    assertThat(refs)
        .containsEntry(IsoHostReferences.ORIGINAL_TRANSMISSION, "0314021530")
        .containsEntry(io.escrowkit.spi.HostReference.AUTHORIZATION_CODE, "XY9876")
        .containsEntry(io.escrowkit.spi.HostReference.ORIGINAL_TRACE, "000123")
        // the answer has no 37: the number this terminal gave the hold is kept
        .containsEntry(io.escrowkit.spi.HostReference.RETRIEVAL_REFERENCE, "507310000123");
  }

  /** A partial approval (10) gives the approved amount in field 4: the client holds that. */
  @Test
  void anApprovalForLessThanAskedGivesTheApprovedAmount() {
    IsoMessage sent = binary.request(Requests.holdWithPin(123));
    IsoMessage.Builder answer = IsoMessage.builder(Specs.iso87Binary())
        .mti("0110").set(11, "000123").set(38, "XY9876").set(41, "TERM0001");

    Map<String, String> partial = binary.references(Requests.holdWithPin(123), sent,
        decode(answer.set(4, 10_000L).set(39, "10").build()));
    Map<String, String> whole = binary.references(Requests.holdWithPin(123), sent,
        decode(answer.set(4, 12_800L).set(39, "00").build()));
    Map<String, String> more = binary.references(Requests.holdWithPin(123), sent,
        decode(answer.set(4, 99_900L).set(39, "00").build()));

    assertThat(partial).containsEntry(io.escrowkit.spi.HostReference.APPROVED_AMOUNT, "10000");
    assertThat(whole).doesNotContainKey(io.escrowkit.spi.HostReference.APPROVED_AMOUNT);
    assertThat(more).doesNotContainKey(io.escrowkit.spi.HostReference.APPROVED_AMOUNT);
  }

  @Test
  void anOnlineCaptureAfterAnOfflineOneIsWhatAVoidNames() {
    Map<String, String> afterAdvice = new java.util.HashMap<>(HOLD_REFERENCES);
    afterAdvice.put(IsoHostReferences.CAPTURE_MTI, "0220");
    afterAdvice.put(IsoHostReferences.CAPTURE_TRACE, "000204");
    io.escrowkit.spi.TransportRequest online =
        Requests.followUp(RequestType.CAPTURE, 205, HELD, afterAdvice);
    IsoMessage sent = binary.request(online);
    IsoMessage answer = IsoMessage.builder(Specs.iso87Binary())
        .mti("0210").set(11, "000205").set(39, "00").set(41, "TERM0001").build();

    Map<String, String> refs = new java.util.HashMap<>(afterAdvice);
    refs.putAll(binary.references(online, sent, decode(answer)));
    IsoMessage voided = binary.request(Requests.followUp(RequestType.VOID_CAPTURE, 206, HELD, refs));

    assertThat(text(voided, 90)).startsWith("0200" + "000205");
  }
}
