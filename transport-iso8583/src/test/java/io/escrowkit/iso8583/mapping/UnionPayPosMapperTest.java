package io.escrowkit.iso8583.mapping;

import static io.escrowkit.iso8583.mapping.Requests.HELD;
import static io.escrowkit.iso8583.mapping.Requests.HOLD_REFERENCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Money;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.RequestType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each request type in the UnionPay POS dialect, field by field against the README table. */
class UnionPayPosMapperTest {
  private final TerminalSession session = Requests.session(500);
  private final MessageMapper mapper = MessageMapper.of(MappingSettings.unionPay(), session);

  @Test
  void holdIsPreAuthorization0100WithTheCardAndPin() {
    IsoMessage m = mapper.request(Requests.holdWithPin(123));

    assertThat(m.mti()).isEqualTo("0100");
    assertThat(m.tpdu()).containsExactly(0x60, 0, 0, 0, 0);
    assertThat(m.header()).containsExactly(0x60, 0x31, 0x00, 0x31, 0x00, 0x00);
    assertThat(m.fields())
        .containsExactly(2, 3, 4, 11, 14, 22, 23, 25, 26, 35, 41, 42, 49, 52, 53, 55, 60);
    assertThat(text(m, 2)).isEqualTo("6200000000000005");
    assertThat(text(m, 3)).isEqualTo("030000");
    assertThat(text(m, 4)).isEqualTo("000000012800");
    assertThat(text(m, 11)).isEqualTo("000123");
    assertThat(text(m, 14)).isEqualTo("4912");
    assertThat(text(m, 22)).isEqualTo("051");
    assertThat(text(m, 23)).isEqualTo("001");
    assertThat(text(m, 25)).isEqualTo("06");
    assertThat(text(m, 26)).isEqualTo("12");
    assertThat(text(m, 35)).isEqualTo("6200000000000005=49122010000000000");
    assertThat(text(m, 41)).isEqualTo("TERM0001");
    assertThat(text(m, 42)).isEqualTo("898310048990001");
    assertThat(text(m, 49)).isEqualTo("156");
    assertThat(m.getBytes(52).get()).containsExactly(Requests.TEST_PIN_BLOCK);
    assertThat(text(m, 53)).isEqualTo("2600000000000000");
    assertThat(text(m, 55)).isEqualTo("9F26080123456789ABCDEF");
    assertThat(text(m, 60)).isEqualTo("1000000100060");
  }

  @Test
  void holdWithoutPinSaysSoInField22AndCarriesNoPinFields() {
    IsoMessage m = mapper.request(Requests.hold(124, Requests.chipCard(), Optional.empty()));

    assertThat(text(m, 22)).isEqualTo("052");
    assertThat(m.has(26)).isFalse();
    assertThat(m.has(52)).isFalse();
    assertThat(m.has(53)).isFalse();
  }

  @Test
  void swipedCardIsEntryMode02InUnionPayMessages() {
    IsoMessage m =
        mapper.request(
            Requests.hold(
                125,
                io.escrowkit.device.simulated.TestCards.card(
                    "6200000000000005", io.escrowkit.device.EntryMode.MAGSTRIPE),
                Optional.empty()));

    assertThat(text(m, 22)).isEqualTo("022");
    assertThat(m.has(23)).isFalse();
    assertThat(m.has(55)).isFalse();
  }

  @Test
  void releaseIsPreAuthorizationCancel0100NamingTheHold() {
    IsoMessage m =
        mapper.request(Requests.followUp(RequestType.RELEASE, 200, HELD, HOLD_REFERENCES));

    assertThat(m.mti()).isEqualTo("0100");
    assertThat(m.fields()).containsExactly(3, 4, 11, 22, 25, 38, 41, 42, 49, 60, 61);
    assertThat(text(m, 3)).isEqualTo("200000");
    assertThat(text(m, 4)).isEqualTo("000000012800");
    assertThat(text(m, 11)).isEqualTo("000200");
    assertThat(text(m, 22)).isEqualTo("002");
    assertThat(text(m, 25)).isEqualTo("06");
    assertThat(text(m, 38)).isEqualTo("AB1234");
    assertThat(text(m, 60)).isEqualTo("1100000100060");
    assertThat(text(m, 61)).isEqualTo("0000010001230314");
  }

  @Test
  void onlineCaptureIsCompletionRequest0200() {
    IsoMessage m =
        mapper.request(
            Requests.followUp(
                RequestType.CAPTURE, 201, Money.of("100.00", "CNY"), HOLD_REFERENCES));

    assertThat(m.mti()).isEqualTo("0200");
    assertThat(m.fields()).containsExactly(3, 4, 11, 22, 25, 38, 41, 42, 49, 60, 61);
    assertThat(text(m, 3)).isEqualTo("000000");
    assertThat(text(m, 4)).isEqualTo("000000010000");
    assertThat(text(m, 25)).isEqualTo("06");
    assertThat(text(m, 60).substring(0, 2)).isEqualTo("20");
    assertThat(text(m, 61)).isEqualTo("0000010001230314");
  }

  @Test
  void adviceCaptureIsCompletionAdvice0220RepeatedAs0221() {
    MessageMapper advice =
        MessageMapper.of(MappingSettings.unionPay().withCaptureMode(CaptureMode.ADVICE), session);

    IsoMessage m =
        advice.request(Requests.followUp(RequestType.CAPTURE, 202, HELD, HOLD_REFERENCES));
    IsoMessage repeat = advice.repeatOf(m).get();

    assertThat(m.mti()).isEqualTo("0220");
    assertThat(text(m, 3)).isEqualTo("000000");
    assertThat(text(m, 25)).isEqualTo("06");
    assertThat(text(m, 60).substring(0, 2)).isEqualTo("24");
    assertThat(repeat.mti()).isEqualTo("0221");
    assertThat(repeat.fields()).containsExactly(m.fields());
    assertThat(mapper.repeatOf(mapper.request(Requests.holdWithPin(1)))).isEmpty();
  }

  @Test
  void offlineCaptureIsCompletionAdvice0220EvenInOnlineCaptureMode() {
    IsoMessage m =
        mapper.request(Requests.followUp(RequestType.CAPTURE_ADVICE, 205, HELD, HOLD_REFERENCES));

    assertThat(m.mti()).isEqualTo("0220");
    assertThat(m.fields()).containsExactly(3, 4, 11, 22, 25, 38, 41, 42, 49, 60, 61);
    assertThat(text(m, 3)).isEqualTo("000000");
    assertThat(text(m, 25)).isEqualTo("06");
    assertThat(text(m, 38)).isEqualTo("AB1234");
    assertThat(text(m, 60).substring(0, 2)).isEqualTo("24");
    assertThat(text(m, 61)).isEqualTo("0000010001230314");
    assertThat(mapper.repeatOf(m).get().mti()).isEqualTo("0221");
  }

  @Test
  void voidCaptureIsCompletionVoid0200NamingTheCaptureWhenItsReferencesAreKept() {
    Map<String, String> refs = new HashMap<>(HOLD_REFERENCES);
    refs.put(IsoHostReferences.CAPTURE_TRACE, "000201");
    refs.put(IsoHostReferences.CAPTURE_BATCH, "000002");
    refs.put(IsoHostReferences.CAPTURE_DATE, "0315");
    refs.put(IsoHostReferences.CAPTURE_RETRIEVAL_REFERENCE, "000000000888");

    IsoMessage m =
        mapper.request(
            Requests.followUp(RequestType.VOID_CAPTURE, 203, Money.of("100.00", "CNY"), refs));

    assertThat(m.mti()).isEqualTo("0200");
    assertThat(m.fields()).containsExactly(3, 4, 11, 22, 25, 37, 38, 41, 42, 49, 60, 61);
    assertThat(text(m, 3)).isEqualTo("200000");
    assertThat(text(m, 25)).isEqualTo("06");
    assertThat(text(m, 37)).isEqualTo("000000000888");
    assertThat(text(m, 60).substring(0, 2)).isEqualTo("21");
    assertThat(text(m, 61)).isEqualTo("0000020002010315");
  }

  @Test
  void voidCaptureFallsBackToTheHoldsReferences() {
    IsoMessage m =
        mapper.request(
            Requests.followUp(
                RequestType.VOID_CAPTURE, 204, Money.of("100.00", "CNY"), HOLD_REFERENCES));

    assertThat(text(m, 37)).isEqualTo("000000000777");
    assertThat(text(m, 61)).isEqualTo("0000010001230314");
  }

  @Test
  void refundIs0220WithProcessingCode20AndTypeCode25() {
    IsoMessage m =
        mapper.request(
            Requests.followUp(RequestType.REFUND, 205, Money.of("30.00", "CNY"), HOLD_REFERENCES));

    assertThat(m.mti()).isEqualTo("0220");
    assertThat(m.fields()).containsExactly(3, 4, 11, 22, 25, 37, 38, 41, 42, 49, 60, 61);
    assertThat(text(m, 3)).isEqualTo("200000");
    assertThat(text(m, 4)).isEqualTo("000000003000");
    assertThat(text(m, 25)).isEqualTo("00");
    assertThat(text(m, 60).substring(0, 2)).isEqualTo("25");
  }

  @Test
  void reversalOfAHoldRepeatsItWithoutCardDataAndGivesTheReason() {
    IsoMessage m = mapper.request(Requests.reversal(RequestType.HOLD, 123, HELD, "98", Map.of()));

    assertThat(m.mti()).isEqualTo("0400");
    assertThat(m.fields()).containsExactly(3, 4, 11, 22, 25, 39, 41, 42, 49, 60);
    assertThat(text(m, 3)).isEqualTo("030000");
    assertThat(text(m, 4)).isEqualTo("000000012800");
    assertThat(text(m, 11)).isEqualTo("000123");
    assertThat(text(m, 25)).isEqualTo("06");
    assertThat(text(m, 39)).isEqualTo("98");
    assertThat(text(m, 60).substring(0, 2)).isEqualTo("10");
  }

  @Test
  void reversalOfACaptureKeepsItsOriginalDataAndLeavesOutField37() {
    IsoMessage m =
        mapper.request(
            Requests.reversal(
                RequestType.VOID_CAPTURE, 203, Money.of("100.00", "CNY"), "A0", HOLD_REFERENCES));

    assertThat(m.mti()).isEqualTo("0400");
    assertThat(m.fields()).containsExactly(3, 4, 11, 22, 25, 38, 39, 41, 42, 49, 60, 61);
    assertThat(text(m, 3)).isEqualTo("200000");
    assertThat(text(m, 11)).isEqualTo("000203");
    assertThat(text(m, 38)).isEqualTo("AB1234");
    assertThat(text(m, 39)).isEqualTo("A0");
    assertThat(text(m, 60).substring(0, 2)).isEqualTo("21");
    assertThat(text(m, 61)).isEqualTo("0000010001230314");
  }

  @Test
  void signOnIs0800WithNetworkCode003AndTheSessionsTrace() {
    IsoMessage m = mapper.signOn();

    assertThat(m.mti()).isEqualTo("0800");
    assertThat(m.fields()).containsExactly(11, 41, 42, 60, 63);
    assertThat(text(m, 11)).isEqualTo("000500");
    assertThat(text(m, 60)).isEqualTo("00000001003");
    assertThat(text(m, 63)).isEqualTo("01 ");
  }

  @Test
  void signOnAsksForTheKeySchemeOfTheSettings() {
    MessageMapper singleDes = MessageMapper.of(
        MappingSettings.unionPay().withSignOnKeyScheme("001"), Requests.session(500));

    assertThat(text(singleDes.signOn(), 60)).isEqualTo("00000001001");
    // a PIN under a single-DES PIN key says so in 53.2
    assertThat(text(singleDes.request(Requests.holdWithPin(123)), 53))
        .isEqualTo("2000000000000000");
    assertThatThrownBy(() -> MappingSettings.unionPay().withSignOnKeyScheme("002"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signOnKeyScheme must be 001, 003 or 004, got 002");
    assertThatThrownBy(
            () -> MappingSettings.iso87(Dialect.ISO87_BINARY).withSignOnKeyScheme("001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("for the UnionPay dialect");
  }

  @Test
  void signOnAnswerSetsTheBatchNumber() {
    IsoMessage answer =
        mapper.signOn().toBuilder()
            .mti("0810")
            .set(39, "00")
            .setSubfields(60, "00", "000042", "003")
            .build();

    assertThat(mapper.signedOn(decode(answer))).isTrue();
    assertThat(session.batchNumber()).isEqualTo(42);
    assertThat(text(mapper.request(Requests.holdWithPin(1)), 60)).startsWith("10000042");
  }

  @Test
  void refusedSignOnLeavesTheBatchAlone() {
    IsoMessage answer =
        mapper.signOn().toBuilder()
            .mti("0810")
            .set(39, "96")
            .setSubfields(60, "00", "000042", "003")
            .build();

    assertThat(mapper.signedOn(decode(answer))).isFalse();
    assertThat(session.batchNumber()).isEqualTo(1);
  }

  @Test
  void echoIs0820WithNetworkCode301() {
    IsoMessage m = mapper.echo();

    assertThat(m.mti()).isEqualTo("0820");
    assertThat(m.fields()).containsExactly(11, 41, 42, 60);
    assertThat(text(m, 60)).isEqualTo("00000001301");
  }

  @Test
  void holdApprovalGivesTheReferencesFollowUpsNeed() {
    IsoMessage sent = mapper.request(Requests.holdWithPin(123));
    IsoMessage answer =
        IsoMessage.builder(Specs.unionPayPos())
            .mti("0110")
            .tpdu(sent.tpdu())
            .header(sent.header())
            .set(11, "000123")
            .set(13, "0315")
            .set(37, "000000000777")
            .set(38, "AB1234")
            .set(39, "00")
            .set(41, "TERM0001")
            .build();

    Map<String, String> refs = mapper.references(Requests.holdWithPin(123), sent, decode(answer));

    assertThat(refs)
        .containsEntry(HostReference.AUTHORIZATION_CODE, "AB1234")
        .containsEntry(HostReference.RETRIEVAL_REFERENCE, "000000000777")
        .containsEntry(HostReference.ORIGINAL_TRACE, "000123")
        .containsEntry(HostReference.ORIGINAL_BATCH, "000001")
        .containsEntry(HostReference.ORIGINAL_DATE, "0315");
  }

  @Test
  void holdReferencesDateDefaultsToTheLocalDateInShanghai() {
    IsoMessage sent = mapper.request(Requests.holdWithPin(123));
    IsoMessage answer =
        IsoMessage.builder(Specs.unionPayPos())
            .mti("0110")
            .tpdu(sent.tpdu())
            .header(sent.header())
            .set(11, "000123")
            .set(39, "00")
            .set(41, "TERM0001")
            .build();

    Map<String, String> refs = mapper.references(Requests.holdWithPin(123), sent, decode(answer));

    assertThat(refs)
        .containsEntry(HostReference.ORIGINAL_DATE, "0314")
        .doesNotContainKey(HostReference.AUTHORIZATION_CODE);
  }

  /** The field as it reads back from the wire (numbers with their zeros). */
  static String text(IsoMessage m, int field) {
    DecodedMessage wire = decode(m);
    if (!wire.has(field)) {
      throw new AssertionError("field " + field + " absent from " + m);
    }
    return wire.readString(field);
  }

  static DecodedMessage decode(IsoMessage m) {
    IsoCodec codec = IsoCodec.of(m.spec());
    return codec.decode(codec.encode(m));
  }
}
