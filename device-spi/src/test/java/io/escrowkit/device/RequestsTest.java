package io.escrowkit.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The request values: {@link CardReadRequest}, {@link PinRequest}, {@link Receipt}. */
class RequestsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void cardReadRequestKeepsAnUnmodifiableCopyOfTheEntryModes() {
    Set<EntryMode> modes = EnumSet.of(EntryMode.CHIP);
    CardReadRequest request = new CardReadRequest("CNY 128.00", modes, TIMEOUT);
    modes.add(EntryMode.MAGSTRIPE);

    assertThat(request.allowedEntryModes()).containsExactly(EntryMode.CHIP);
    assertThat(request.allows(EntryMode.MAGSTRIPE)).isFalse();
    assertThatThrownBy(() -> request.allowedEntryModes().add(EntryMode.MANUAL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void cardReadRequestNeedsAnEntryModeAndAPositiveTimeout() {
    assertThatThrownBy(() -> new CardReadRequest("x", Set.of(), TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CardReadRequest.anyEntryMode("x", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be positive");
  }

  @Test
  void cardReadRequestFactoriesNameTheModes() {
    assertThat(
            CardReadRequest.of("x", TIMEOUT, EntryMode.CHIP, EntryMode.CONTACTLESS)
                .allowedEntryModes())
        .containsExactly(EntryMode.CHIP, EntryMode.CONTACTLESS);
    assertThat(CardReadRequest.anyEntryMode("x", TIMEOUT).allowedEntryModes())
        .containsExactlyInAnyOrder(EntryMode.values());
  }

  @Test
  void pinRequestNeverShowsTheFullPan() {
    PinRequest request =
        new PinRequest(
            "6200000000000005", PinBlockFormat.ISO_0, Optional.empty(), "CNY 128.00", TIMEOUT);

    assertThat(request.toString()).contains("620000******0005").doesNotContain("6200000000000005");
    assertThat(request.maskedPan()).isEqualTo("620000******0005");
  }

  @Test
  void pinRequestRefusesAPanThatIsNotDigits() {
    assertThatThrownBy(
            () ->
                new PinRequest(
                    "6200-0000-0000-0005", PinBlockFormat.ISO_0, Optional.empty(), "", TIMEOUT))
        .isInstanceOf(InvalidCardDataException.class)
        .hasMessageNotContaining("6200-0000-0000-0005");
  }

  @Test
  void pinRequestForCardDefaultsToIsoZeroAndTheDefaultKey() {
    CardData card = CardData.builder().pan("6200000000000005").entryMode(EntryMode.CHIP).build();

    PinRequest request = PinRequest.forCard(card, "CNY 1.00", TIMEOUT);

    assertThat(request.pan()).isEqualTo(card.pan());
    assertThat(request.format()).isEqualTo(PinBlockFormat.ISO_0);
    assertThat(request.keyId()).isEmpty();
    assertThat(request.withFormat(PinBlockFormat.ISO_3).withKeyId("PIK").keyId()).contains("PIK");
  }

  @Test
  void receiptCopiesItsLinesAndIsBounded() {
    assertThat(Receipt.of("MERCHANT", "", "620000******0005").lines()).hasSize(3);
    assertThatThrownBy(() -> new Receipt(java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Receipt(java.util.Collections.nCopies(Receipt.MAX_LINES + 1, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 500 lines");
  }
}
