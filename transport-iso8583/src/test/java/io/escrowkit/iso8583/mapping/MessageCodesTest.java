package io.escrowkit.iso8583.mapping;

import static io.escrowkit.iso8583.mapping.Requests.HELD;
import static io.escrowkit.iso8583.mapping.Requests.HOLD_REFERENCES;
import static io.escrowkit.iso8583.mapping.UnionPayPosMapperTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Money;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.spi.RequestType;
import org.junit.jupiter.api.Test;

/** An acquirer's own message type, processing code and condition code, over the dialect's. */
class MessageCodesTest {
  private final TerminalSession session = Requests.session(700);
  /** An acquirer with UnionPay-like pre-authorizations and refunds, and its own capture code. */
  private final MessageMapper acquirer = MessageMapper.of(
      MappingSettings.iso87(Dialect.ISO87_BINARY)
          .withMessageCodes(RequestType.HOLD, new MessageCodes("0100", "030000", "06"))
          .withMessageCodes(RequestType.CAPTURE, new MessageCodes("0200", "000000", "00"))
          .withMessageCodes(RequestType.REFUND, new MessageCodes("0220", "200000", "00")),
      session);

  @Test
  void theAcquirersCodesReplaceTheTablesForThatRequestOnly() {
    IsoMessage hold = acquirer.request(Requests.holdWithPin(123));
    IsoMessage capture = acquirer.request(
        Requests.followUp(RequestType.CAPTURE, 124, HELD, HOLD_REFERENCES));
    IsoMessage release = acquirer.request(
        Requests.followUp(RequestType.RELEASE, 125, HELD, HOLD_REFERENCES));

    assertThat(hold.mti() + text(hold, 3) + text(hold, 25)).isEqualTo("010003000006");
    assertThat(capture.mti() + text(capture, 3) + text(capture, 25)).isEqualTo("020000000000");
    assertThat(release.mti() + text(release, 3) + text(release, 25)).isEqualTo("010020000006");
  }

  @Test
  void aReversalNamesTheOriginalByTheCodesItWasSentWith() {
    IsoMessage reversal = acquirer.request(Requests.reversal(
        RequestType.CAPTURE, 124, Money.of("100.00", "CNY"), "98", HOLD_REFERENCES));

    assertThat(text(reversal, 3)).isEqualTo("000000");
    assertThat(text(reversal, 90)).startsWith("0200" + "000124");
  }

  @Test
  void anAdviceOfTheAcquirersGoesAgainAsItsRepeat() {
    IsoMessage refund = acquirer.request(
        Requests.followUp(RequestType.REFUND, 126, HELD, HOLD_REFERENCES));

    assertThat(refund.mti()).isEqualTo("0220");
    assertThat(acquirer.repeatOf(refund)).hasValueSatisfying(
        repeat -> assertThat(repeat.mti()).isEqualTo("0221"));
  }

  @Test
  void codesMayNotTurnARequestIntoAnAdviceOrBack() {
    MappingSettings iso = MappingSettings.iso87(Dialect.ISO87_BINARY);

    assertThatThrownBy(() -> iso.withMessageCodes(
            RequestType.CAPTURE, new MessageCodes("0220", "000000", "06")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capture mode ONLINE");
    assertThatThrownBy(() -> iso.withMessageCodes(
            RequestType.CAPTURE_ADVICE, new MessageCodes("0200", "000000", "06")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an advice");
    assertThatThrownBy(() -> iso.withMessageCodes(
            RequestType.HOLD, new MessageCodes("0120", "000000", "00")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a request");
    assertThat(iso.withCaptureMode(CaptureMode.ADVICE).withMessageCodes(
            RequestType.CAPTURE, new MessageCodes("0220", "000000", "00")).messageCodes())
        .containsKey(RequestType.CAPTURE);
  }

  @Test
  void codesThatAreNotARequestOrAdviceOrNotDigitsAreRefused() {
    assertThatThrownBy(() -> new MessageCodes("0400", "000000", "00"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0400");
    assertThatThrownBy(() -> new MessageCodes("0100", "03000", "06"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processingCode");
    assertThatThrownBy(() -> new MessageCodes("0100", "030000", "6"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conditionCode");
  }

  @Test
  void reversalsHaveNoCodesOfTheirOwn() {
    MappingSettings iso = MappingSettings.iso87(Dialect.ISO87_BINARY);
    MessageCodes any = new MessageCodes("0100", "000000", "00");

    assertThatThrownBy(() -> iso.withMessageCodes(RequestType.REVERSAL, any))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reversal");
  }
}
