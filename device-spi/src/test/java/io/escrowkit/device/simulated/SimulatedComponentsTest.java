package io.escrowkit.device.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.device.CardData;
import io.escrowkit.device.CardReadRequest;
import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.DeviceException;
import io.escrowkit.device.DeviceFailure;
import io.escrowkit.device.EntryMode;
import io.escrowkit.device.PinBlock;
import io.escrowkit.device.PinRequest;
import io.escrowkit.device.Receipt;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatedComponentsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final CardReadRequest ANY_CARD =
      CardReadRequest.anyEntryMode("CNY 128.00", TIMEOUT);

  private final SimulatedDevice device = SimulatedDevice.blank(new Random(5));

  @Test
  void readerPresentsQueuedCardsInOrderThenTheDefault() {
    CardData first = TestCards.unionPayChip();
    CardData second = TestCards.card(TestCards.UNIONPAY_DEBIT_PAN, EntryMode.CONTACTLESS);
    CardData fallback = TestCards.card(TestCards.UNIONPAY_19_DIGIT_PAN, EntryMode.MAGSTRIPE);
    SimulatedCardReader reader = device.simulatedCardReader();
    reader.present(first, second);
    reader.presentByDefault(fallback);

    assertThat(reader.read(ANY_CARD)).isEqualTo(first);
    assertThat(reader.read(ANY_CARD)).isEqualTo(second);
    assertThat(reader.read(ANY_CARD)).isEqualTo(fallback);
    assertThat(reader.read(ANY_CARD)).isEqualTo(fallback);
    assertThat(reader.requests()).hasSize(4).containsOnly(ANY_CARD);
  }

  @Test
  void readerWithNothingScriptedTimesOut() {
    assertThatThrownBy(() -> device.simulatedCardReader().read(ANY_CARD))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(DeviceFailure.TIMEOUT);
              assertThat(e.component()).isEqualTo(DeviceComponent.CARD_READER);
            })
        .hasMessageContaining("PT30S");
  }

  @Test
  void readerRefusesACardPresentedInADisallowedEntryMode() {
    device
        .simulatedCardReader()
        .present(TestCards.card(TestCards.UNIONPAY_PAN, EntryMode.MAGSTRIPE));

    assertThatThrownBy(
            () ->
                device
                    .simulatedCardReader()
                    .read(CardReadRequest.of("CNY 1.00", TIMEOUT, EntryMode.CHIP)))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.failure()).isEqualTo(DeviceFailure.CARD_READ_ERROR))
        .hasMessageContaining("620000******0005")
        .hasMessageNotContaining(TestCards.UNIONPAY_PAN);
  }

  @Test
  void pinPadEncryptsTheScriptedPinUnderTheTestPinKey() {
    device.simulatedPinPad().enter("135790");
    PinRequest request = PinRequest.forCard(TestCards.unionPayChip(), "CNY 128.00", TIMEOUT);

    PinBlock block = device.simulatedPinPad().requestPin(request);

    assertThat(block.keyId()).isEqualTo(SoftwareSecureModule.TEST_PIN_KEY_ID);
    assertThat(device.softwareSecureModule().decryptPin(block, TestCards.UNIONPAY_PAN))
        .containsExactly('1', '3', '5', '7', '9', '0');
    assertThat(device.simulatedPinPad().requests()).containsExactly(request);
  }

  @Test
  void pinPadUsesTheKeyTheRequestNames() {
    device.simulatedPinPad().enterByDefault("1234");
    PinRequest request =
        PinRequest.forCard(TestCards.unionPayChip(), "", TIMEOUT).withKeyId("PIK_FROM_SIGN_ON");

    assertThatThrownBy(() -> device.simulatedPinPad().requestPin(request))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> assertThat(e.failure()).isEqualTo(DeviceFailure.KEY_MISSING))
        .hasMessageContaining("PIK_FROM_SIGN_ON");
  }

  @Test
  void pinPadWithNothingScriptedTimesOut() {
    PinRequest request = PinRequest.forCard(TestCards.unionPayChip(), "", TIMEOUT);

    assertThatThrownBy(() -> device.simulatedPinPad().requestPin(request))
        .isInstanceOfSatisfying(
            DeviceException.class, e -> assertThat(e.failure()).isEqualTo(DeviceFailure.TIMEOUT));
  }

  @Test
  void printerKeepsWhatItPrints() {
    Receipt receipt = Receipt.of("PRE-AUTH", "620000******0005", "CNY 128.00");

    device.simulatedPrinter().print(receipt);

    assertThat(device.simulatedPrinter().printed()).containsExactly(receipt);
  }

  @Test
  void displayRecordsMessagesAndAnswersFromTheScript() {
    SimulatedDisplay display = device.simulatedDisplay();
    display.show("Insert card");
    display.show("Enter PIN");
    display.answer(false);
    display.answerByDefault(true);

    assertThat(display.confirm("Release hold?", TIMEOUT)).isFalse();
    assertThat(display.confirm("Capture CNY 128.00?", TIMEOUT)).isTrue();
    assertThat(display.messages()).containsExactly("Insert card", "Enter PIN");
    assertThat(display.currentMessage()).contains("Enter PIN");
    assertThat(display.questions()).containsExactly("Release hold?", "Capture CNY 128.00?");
  }

  @Test
  void displayWithNoAnswerScriptedTimesOut() {
    assertThatThrownBy(() -> device.simulatedDisplay().confirm("Capture?", TIMEOUT))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(DeviceFailure.TIMEOUT);
              assertThat(e.component()).isEqualTo(DeviceComponent.DISPLAY);
            });
  }

  @Test
  void demoDeviceWorksWithoutScripting() {
    SimulatedDevice demo = SimulatedDevice.withDemoDefaults(new Random(1));

    CardData card = demo.simulatedCardReader().read(ANY_CARD);
    PinBlock block = demo.simulatedPinPad().requestPin(PinRequest.forCard(card, "", TIMEOUT));

    assertThat(card).isEqualTo(TestCards.unionPayChip());
    assertThat(demo.softwareSecureModule().decryptPin(block, card.pan()))
        .containsExactly(SimulatedDevice.DEMO_PIN.toCharArray());
    assertThat(demo.simulatedDisplay().confirm("OK?", TIMEOUT)).isTrue();
  }

  @Test
  void providerDeclaresItselfSimulatedBelowRealHardware() {
    assertThat(device.simulated()).isTrue();
    assertThat(device.name()).isEqualTo("simulated");
    assertThat(device.priority()).isLessThan(100);
    assertThat(device.cardReader()).containsSame(device.simulatedCardReader());
    assertThat(device.secureModule()).containsSame(device.softwareSecureModule());
  }

  @Test
  void testCardsPassValidation() {
    for (String pan :
        new String[] {
          TestCards.UNIONPAY_PAN,
          TestCards.UNIONPAY_DEBIT_PAN,
          TestCards.UNIONPAY_19_DIGIT_PAN,
          TestCards.UNIONPAY_BRAINTREE_PAN
        }) {
      assertThat(TestCards.chip(pan).pan()).isEqualTo(pan);
    }
  }
}
