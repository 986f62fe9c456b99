package io.escrowkit.iso8583.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.Specs;
import io.escrowkit.iso8583.channel.ChannelResult;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnswerInterpreterTest {
  private final MessageMapper mapper =
      MessageMapper.of(MappingSettings.unionPay(), Requests.session(1));
  private final MacSigner signer =
      new MacSigner(
          SoftwareSecureModule.withTestKeys(new Random(1)),
          MacAlgorithm.UNIONPAY_POS_ECB,
          SoftwareSecureModule.TEST_MAC_KEY_ID);
  private final AnswerInterpreter strict = new AnswerInterpreter(mapper, Optional.of(signer), true);
  private final TransportRequest hold = Requests.holdWithPin(123);
  private final IsoMessage sent = signer.sign(mapper.request(hold));

  @Test
  void noAnswerIsUnknownWithTheChannelsReason() {
    TransportOutcome outcome =
        strict.outcome(
            hold, sent, ChannelResult.failure(UnknownReason.CONNECTION_LOST, "connection lost"));

    assertThat(outcome.unknownReason()).contains(UnknownReason.CONNECTION_LOST);
  }

  @Test
  void approvalWithAGoodMacIsApprovedWithItsReferences() {
    TransportOutcome outcome = strict.outcome(hold, sent, result(signer.sign(answer("00"))));

    assertThat(outcome.isApproved()).isTrue();
    assertThat(outcome.hostReferences())
        .containsEntry(HostReference.AUTHORIZATION_CODE, "AB1234")
        .containsEntry(HostReference.ORIGINAL_TRACE, "000123");
  }

  @Test
  void approvalWithConditionsIsAnApproval() {
    TransportOutcome outcome = strict.outcome(hold, sent, result(signer.sign(answer("11"))));

    assertThat(outcome.isApproved()).isTrue();
    assertThat(outcome.responseCode()).contains("11");
  }

  @Test
  void badMacMakesEvenAnApprovalUnknown() {
    IsoMessage forged =
        signer.sign(answer("00")).toBuilder().set(64, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).build();

    TransportOutcome outcome = strict.outcome(hold, sent, result(forged));

    assertThat(outcome.unknownReason()).contains(UnknownReason.BAD_MAC);
  }

  @Test
  void approvalWithoutMacIsUnknownButADeclineWithoutMacIsADecline() {
    assertThat(strict.outcome(hold, sent, result(answer("00"))).unknownReason())
        .contains(UnknownReason.BAD_MAC);

    TransportOutcome declined = strict.outcome(hold, sent, result(answer("51")));
    assertThat(declined.kind()).isEqualTo(TransportOutcome.Kind.DECLINED);
    assertThat(declined.responseCode()).contains("51");
    AnswerInterpreter lenient = new AnswerInterpreter(mapper, Optional.of(signer), false);
    assertThat(lenient.outcome(hold, sent, result(answer("00"))).isApproved()).isTrue();
  }

  @Test
  void answerWithoutOrWithAnUnreadableResponseCodeIsMalformed() {
    IsoMessage none = answer("00").toBuilder().remove(39).build();
    IsoMessage lowercase = answer("00").toBuilder().set(39, "a1").build();

    assertThat(strict.outcome(hold, sent, result(none)).unknownReason())
        .contains(UnknownReason.MALFORMED_RESPONSE);
    assertThat(strict.outcome(hold, sent, result(lowercase)).unknownReason())
        .contains(UnknownReason.MALFORMED_RESPONSE);
  }

  /**
   * The dialect's refusal of the request's MAC (UnionPay A0; ISO 8583:1987 63) is marked, so that
   * owed work goes again; the same code in the other dialect is not.
   */
  @Test
  void theDialectsMacRefusalIsMarkedAndOtherCodesAreNot() {
    TransportOutcome macRefused = strict.outcome(hold, sent, result(answer("A0")));
    TransportOutcome securityViolation = strict.outcome(hold, sent, result(answer("63")));

    assertThat(macRefused.hostReferences()).containsEntry(HostReference.MAC_REFUSED, "A0");
    assertThat(securityViolation.hostReferences()).doesNotContainKey(HostReference.MAC_REFUSED);
    assertThat(Dialect.ISO87_BINARY.macRefusalCode()).isEqualTo("63");
    assertThat(Dialect.ISO87_ASCII.macRefusalCode()).isEqualTo("63");
  }

  /** How much a partial approval approved is in its field 4; without it, it cannot be held. */
  @Test
  void partialApprovalWithoutItsAmountIsMalformedAndWithItApprovesThePart() {
    TransportOutcome withoutAmount =
        strict.outcome(hold, sent, result(signer.sign(answer("10"))));
    TransportOutcome withAmount =
        strict.outcome(hold, sent, result(signer.sign(answer("10").toBuilder().set(4, 5000L)
            .build())));

    assertThat(withoutAmount.kind()).isEqualTo(TransportOutcome.Kind.UNKNOWN);
    assertThat(withoutAmount.unknownReason()).contains(UnknownReason.MALFORMED_RESPONSE);
    assertThat(withoutAmount.detail()).contains("field 4");
    assertThat(withAmount.kind()).isEqualTo(TransportOutcome.Kind.APPROVED);
    assertThat(withAmount.hostReferences()).containsEntry(HostReference.APPROVED_AMOUNT, "5000");
  }

  /**
   * To anything but a hold a 10 without field 4 stays an approval: a release has no part to
   * approve, and owed work (an advice, a reversal) answered so would otherwise be sent for ever.
   */
  @Test
  void partialApprovalWithoutAnAmountOfAFollowUpOrReversalIsAnApproval() {
    for (TransportRequest request : List.of(
        Requests.followUp(RequestType.RELEASE, 200, Requests.HELD, Requests.HOLD_REFERENCES),
        Requests.followUp(
            RequestType.CAPTURE_ADVICE, 201, Requests.HELD, Requests.HOLD_REFERENCES),
        Requests.reversal(RequestType.HOLD, 123, Requests.HELD, "98", Map.of()))) {
      IsoMessage asSent = signer.sign(mapper.request(request));

      TransportOutcome outcome =
          strict.outcome(request, asSent, result(signer.sign(answer("10"))));

      assertThat(outcome.kind())
          .as(request.type().name())
          .isEqualTo(TransportOutcome.Kind.APPROVED);
    }
  }

  private IsoMessage answer(String code) {
    return IsoMessage.builder(Specs.unionPayPos())
        .mti("0110")
        .tpdu(sent.tpdu())
        .header(sent.header())
        .set(11, "000123")
        .set(37, "000000000777")
        .set(38, "AB1234")
        .set(39, code)
        .set(41, Requests.TERMINAL)
        .build();
  }

  private static ChannelResult result(IsoMessage answer) {
    IsoCodec codec = IsoCodec.of(answer.spec());
    byte[] frame = codec.encode(answer);
    return ChannelResult.answer(frame, codec.decode(frame));
  }
}
