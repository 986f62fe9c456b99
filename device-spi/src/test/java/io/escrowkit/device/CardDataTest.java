package io.escrowkit.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CardDataTest {

  private static final String PAN = "6200000000000005";
  private static final String TRACK2 = PAN + "=49122010000000000";

  private static CardData.Builder chipCard() {
    return CardData.builder()
        .pan(PAN)
        .expiry(YearMonth.of(2049, 12))
        .entryMode(EntryMode.CHIP)
        .track2(TRACK2)
        .cardSequenceNumber("001")
        .emvData(new byte[] {(byte) 0x9F, 0x26, 0x01, 0x00});
  }

  @Test
  void builtCardReturnsWhatWasGiven() {
    CardData card = chipCard().build();

    assertThat(card.pan()).isEqualTo(PAN);
    assertThat(card.expiry()).contains(YearMonth.of(2049, 12));
    assertThat(card.entryMode()).isEqualTo(EntryMode.CHIP);
    assertThat(card.track2()).contains(TRACK2);
    assertThat(card.cardSequenceNumber()).contains("001");
    assertThat(card.emvData())
        .hasValueSatisfying(data -> assertThat(data).containsExactly(0x9F, 0x26, 0x01, 0x00));
  }

  @Test
  void optionalPartsAreEmptyWhenNotGiven() {
    CardData card = CardData.builder().pan(PAN).entryMode(EntryMode.MANUAL).build();

    assertThat(card.expiry()).isEmpty();
    assertThat(card.track2()).isEmpty();
    assertThat(card.cardSequenceNumber()).isEmpty();
    assertThat(card.emvData()).isEmpty();
  }

  @Test
  void maskedPanShowsFirstSixAndLastFour() {
    assertThat(chipCard().build().maskedPan()).isEqualTo("620000******0005");
    assertThat(
            CardData.builder()
                .pan("6205500000000000004")
                .entryMode(EntryMode.CHIP)
                .build()
                .maskedPan())
        .isEqualTo("620550*********0004");
  }

  @Test
  void toStringShowsMaskedPanAndEntryModeOnly() {
    CardData card = chipCard().build();

    assertThat(card.toString())
        .isEqualTo("CardData[620000******0005, CHIP]")
        .doesNotContain(PAN)
        .doesNotContain(TRACK2)
        .doesNotContain("9F26");
  }

  @Test
  void panFailingLuhnIsRefusedNamingOnlyTheMaskedPan() {
    String misread = "6200000000000006";

    assertThatThrownBy(() -> CardData.builder().pan(misread).entryMode(EntryMode.CHIP).build())
        .isInstanceOf(InvalidCardDataException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("620000******0006")
        .hasMessageContaining("Luhn")
        .hasMessageNotContaining(misread);
  }

  @Test
  void panOfWrongLengthIsRefused() {
    assertThatThrownBy(
            () -> CardData.builder().pan("42424242426").entryMode(EntryMode.CHIP).build())
        .isInstanceOf(InvalidCardDataException.class)
        .hasMessageContaining("11 characters");
    assertThatThrownBy(
            () -> CardData.builder().pan("62000000000000000005").entryMode(EntryMode.CHIP).build())
        .isInstanceOf(InvalidCardDataException.class)
        .hasMessageContaining("20 characters")
        .hasMessageNotContaining("62000000000000000005");
  }

  @Test
  void panWithNonDigitsIsRefused() {
    assertThatThrownBy(
            () -> CardData.builder().pan("6200 0000 0000 0005").entryMode(EntryMode.CHIP).build())
        .isInstanceOf(InvalidCardDataException.class)
        .hasMessageContaining("non-digits");
  }

  @Test
  void panAndEntryModeAreRequired() {
    assertThatThrownBy(() -> CardData.builder().entryMode(EntryMode.CHIP).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pan");
    assertThatThrownBy(() -> CardData.builder().pan(PAN).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("entryMode");
  }

  @Test
  void track2OfAnotherPanIsRefused() {
    assertThatThrownBy(() -> chipCard().track2("6200000000000047=4912201").build())
        .isInstanceOf(InvalidCardDataException.class)
        .hasMessageContaining("620000******0005")
        .hasMessageNotContaining("6200000000000047");
  }

  @Test
  void track2WithBadCharacterOrLengthIsRefused() {
    assertThatThrownBy(() -> chipCard().track2(PAN + "=4912X").build())
        .isInstanceOf(InvalidCardDataException.class)
        .hasMessageContaining("invalid character");
    assertThatThrownBy(() -> chipCard().track2(PAN + "D" + "1".repeat(21)).build())
        .isInstanceOf(InvalidCardDataException.class)
        .hasMessageContaining("at most 37");
  }

  @Test
  void track2MaySeparateWithD() {
    assertThat(chipCard().track2(PAN + "D4912201").build().track2()).contains(PAN + "D4912201");
  }

  @Test
  void cardSequenceNumberMustBeUpToThreeDigits() {
    assertThatThrownBy(() -> chipCard().cardSequenceNumber("0001").build())
        .isInstanceOf(InvalidCardDataException.class);
    assertThatThrownBy(() -> chipCard().cardSequenceNumber("A1").build())
        .isInstanceOf(InvalidCardDataException.class);
  }

  @Test
  void emvDataIsBounded() {
    assertThatThrownBy(() -> chipCard().emvData(new byte[0]).build())
        .isInstanceOf(InvalidCardDataException.class);
    assertThatThrownBy(() -> chipCard().emvData(new byte[CardData.MAX_EMV_DATA_LENGTH + 1]).build())
        .isInstanceOf(InvalidCardDataException.class)
        .hasMessageContaining("1000 bytes");
  }

  @Test
  void emvDataIsCopiedOnTheWayInAndOut() {
    byte[] given = {1, 2, 3};
    CardData.Builder builder = chipCard().emvData(given);
    given[0] = 9;
    CardData card = builder.build();

    card.emvData().get()[1] = 9;

    assertThat(card.emvData().get()).containsExactly(1, 2, 3);
  }

  @Test
  void changingTheBuilderAfterBuildLeavesTheCardAlone() {
    CardData.Builder builder = chipCard();
    CardData card = builder.build();

    builder.pan("6200000000000047").entryMode(EntryMode.MAGSTRIPE);

    assertThat(card.pan()).isEqualTo(PAN);
    assertThat(card.entryMode()).isEqualTo(EntryMode.CHIP);
  }

  @Test
  void equalCardsHaveEqualHashCodes() {
    CardData card = chipCard().build();
    CardData same = chipCard().build();

    assertThat(card).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(card).isNotEqualTo(chipCard().emvData(new byte[] {1}).build());
    assertThat(card).isNotEqualTo(chipCard().entryMode(EntryMode.CONTACTLESS).build());
  }

  @Test
  void toBuilderDerivesAnEqualCard() {
    CardData card = chipCard().build();

    assertThat(card.toBuilder().build()).isEqualTo(card);
    assertThat(card.toBuilder().entryMode(EntryMode.FALLBACK).build().entryMode())
        .isEqualTo(EntryMode.FALLBACK);
  }
}
