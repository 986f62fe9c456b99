package io.escrowkit.iso8583.mapping;

import static io.escrowkit.iso8583.mapping.Requests.HELD;
import static io.escrowkit.iso8583.mapping.UnionPayPosMapperTest.decode;
import static io.escrowkit.iso8583.mapping.UnionPayPosMapperTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The references an escrow gathers answer by answer, as the client merges them (a later answer's
 * win on the same name), and what each follow-up then names: a host that gives every answer its
 * own authorization code and retrieval reference number must still get the hold's on a release or
 * a later completion, and the capture's on its void.
 */
class FollowUpReferencesTest {
  private static final String HOLD_CODE = "AB1234";
  private static final String CAPTURE_CODE = "CD5678";

  private final Map<String, String> escrow = new HashMap<>();

  @Test
  void unionPayVoidNamesTheCapturesCodeAndTheCancelAfterItTheHolds() {
    MessageMapper mapper = MessageMapper.of(MappingSettings.unionPay(), Requests.session(300));
    answered(mapper, Requests.holdWithPin(123), HOLD_CODE, "000000000777");
    answered(mapper, followUp(RequestType.CAPTURE, 124), CAPTURE_CODE, "000000000888");

    assertThat(escrow)
        .containsEntry(HostReference.AUTHORIZATION_CODE, HOLD_CODE)
        .containsEntry(HostReference.RETRIEVAL_REFERENCE, "000000000777")
        .containsEntry(IsoHostReferences.CAPTURE_AUTHORIZATION_CODE, CAPTURE_CODE)
        .containsEntry(IsoHostReferences.CAPTURE_RETRIEVAL_REFERENCE, "000000000888");

    IsoMessage voided = answered(mapper, followUp(RequestType.VOID_CAPTURE, 125), "EF9012",
        "000000000999");
    assertThat(text(voided, 38)).isEqualTo(CAPTURE_CODE);
    assertThat(text(voided, 37)).isEqualTo("000000000888");
    assertThat(text(voided, 61).substring(6, 12)).isEqualTo("000124");

    // The void restored the hold; its release names the hold, by code and by trace.
    IsoMessage cancel = mapper.request(followUp(RequestType.RELEASE, 126));
    assertThat(text(cancel, 38)).isEqualTo(HOLD_CODE);
    assertThat(text(cancel, 61).substring(6, 12)).isEqualTo("000123");
    assertThat(escrow)
        .containsEntry(IsoHostReferences.FOLLOW_UP_AUTHORIZATION_CODE, "EF9012")
        .containsEntry(IsoHostReferences.FOLLOW_UP_RETRIEVAL_REFERENCE, "000000000999");
  }

  @Test
  void iso87SecondCompletionNamesTheHoldsCodeAndNumber() {
    MessageMapper mapper =
        MessageMapper.of(
            MappingSettings.iso87(Dialect.ISO87_BINARY).withZone(ZoneId.of("Asia/Shanghai")),
            Requests.session(300));
    IsoMessage hold = answered(mapper, Requests.holdWithPin(123), HOLD_CODE, null);
    String holdNumber = text(hold, 37);
    answered(mapper, followUp(RequestType.CAPTURE, 124), CAPTURE_CODE, "999999000124");

    IsoMessage second = mapper.request(followUp(RequestType.CAPTURE, 125));
    assertThat(text(second, 38)).isEqualTo(HOLD_CODE);
    assertThat(text(second, 37)).isEqualTo(holdNumber);

    IsoMessage voided = mapper.request(followUp(RequestType.VOID_CAPTURE, 126));
    assertThat(text(voided, 38)).isEqualTo(CAPTURE_CODE);
    assertThat(text(voided, 37)).isEqualTo("999999000124");
  }

  /** A capture answered without a code of its own is voided with the hold's, as before. */
  @Test
  void aCaptureAnsweredWithoutACodeIsVoidedWithTheHolds() {
    MessageMapper mapper = MessageMapper.of(MappingSettings.unionPay(), Requests.session(300));
    answered(mapper, Requests.holdWithPin(123), HOLD_CODE, "000000000777");
    answered(mapper, followUp(RequestType.CAPTURE, 124), null, null);

    assertThat(escrow).containsEntry(IsoHostReferences.CAPTURE_AUTHORIZATION_CODE, HOLD_CODE);
    IsoMessage voided = mapper.request(followUp(RequestType.VOID_CAPTURE, 125));
    assertThat(text(voided, 38)).isEqualTo(HOLD_CODE);
  }

  /** A second capture after a voided first, answered without 38 or 37, is voided as itself. */
  @Test
  void aVoidNeverNamesAnEarlierVoidedCapture() {
    MessageMapper mapper = MessageMapper.of(MappingSettings.unionPay(), Requests.session(300));
    answered(mapper, Requests.holdWithPin(123), HOLD_CODE, "000000000777");
    answered(mapper, followUp(RequestType.CAPTURE, 124), CAPTURE_CODE, "000000000888");
    answered(mapper, followUp(RequestType.VOID_CAPTURE, 125), null, null);
    answered(mapper, followUp(RequestType.CAPTURE, 126), null, null);

    IsoMessage voided = mapper.request(followUp(RequestType.VOID_CAPTURE, 127));
    assertThat(text(voided, 61).substring(6, 12)).isEqualTo("000126");
    assertThat(text(voided, 38)).isEqualTo(HOLD_CODE);
    assertThat(text(voided, 37)).isEqualTo("000000000777");
  }

  private TransportRequest followUp(RequestType type, long trace) {
    return Requests.followUp(type, trace, HELD, Map.copyOf(escrow));
  }

  /**
   * Builds {@code request}, has a host approve it echoing its fields with {@code code} in 38 (none
   * when null) and {@code number} in 37 (left as sent when null), and merges the answer's references into
   * the escrow's as the client does; returns the request as sent.
   */
  private IsoMessage answered(
      MessageMapper mapper, TransportRequest request, String code, String number) {
    IsoMessage sent = mapper.request(request);
    String mti = sent.mti();
    IsoMessage.Builder answer =
        sent.toBuilder().mti(mti.substring(0, 2) + (char) (mti.charAt(2) + 1) + "0").set(39, "00");
    if (code != null) {
      answer.set(38, code);
    } else {
      answer.remove(38);
    }
    if (number != null) {
      answer.set(37, number);
    }
    escrow.putAll(mapper.references(request, sent, decode(answer.build())));
    return sent;
  }
}
