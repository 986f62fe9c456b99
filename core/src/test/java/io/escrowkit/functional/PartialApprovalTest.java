package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.SchemeProfile;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.risk.RiskChain;
import io.escrowkit.risk.RiskRules;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A hold the host approves for less than asked (ISO 8583 response code 10, the approved amount
 * from the answer's field 4): the escrow holds what the host holds, the result says so, and a
 * capture or release goes by that amount.
 */
class PartialApprovalTest {

  /** Approves a hold of 128.00 for 100.00; approves the rest as asked; keeps what it was sent. */
  private static final class PartialHost implements Transport {
    final List<TransportRequest> sent = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "partial";
    }

    @Override
    public CompletableFuture<TransportOutcome> send(TransportRequest request) {
      sent.add(request);
      // Holds of 128.00 get 100.00, captures of 90.00 get 60.00; the rest is approved whole.
      boolean partHold = request.type() == RequestType.HOLD
          && request.amount().equals(Money.of("128.00", "CNY"));
      boolean partCapture = request.type() == RequestType.CAPTURE
          && request.amount().equals(Money.of("90.00", "CNY"));
      Map<String, String> references = partHold
          ? Map.of(HostReference.AUTHORIZATION_CODE, "P10000",
              HostReference.APPROVED_AMOUNT, "10000")
          : partCapture ? Map.of(HostReference.APPROVED_AMOUNT, "6000") : Map.of();
      String code = partHold || partCapture ? "10" : "00";
      return CompletableFuture.completedFuture(TransportOutcome.fromResponseCode(code, references));
    }
  }

  private static EscrowClient client(Transport host) {
    return client(host, SchemeProfile.unionPay());
  }

  private static EscrowClient client(Transport host, SchemeProfile profile) {
    return EscrowClient.builder()
        .profile(profile)
        .merchant("898310048990001", "10000001")
        .transport(host)
        .journal(new InMemoryJournal())
        .build();
  }

  @Test
  void theEscrowHoldsWhatTheHostApproved() {
    PartialHost host = new PartialHost();
    try (EscrowClient client = client(host)) {
      Escrow held = client.hold(Money.of("128.00", "CNY")).reference("partial")
          .card(TestCards.unionPayChip()).execute();

      assertThat(held.state()).isEqualTo(EscrowState.HELD);
      assertThat(held.snapshot().held()).isEqualTo(Money.of("100.00", "CNY"));
      assertThat(held.result().get().status()).isEqualTo(OperationStatus.APPROVED);
      assertThat(held.result().get().responseCode()).contains("10");
      assertThat(held.snapshot().hostReferences())
          .containsEntry(HostReference.AUTHORIZATION_CODE, "P10000")
          .doesNotContainKey(HostReference.APPROVED_AMOUNT);
      assertThat(held.timeline()).last().extracting(e -> e.cause()).asString()
          .contains("holding 100.00 CNY of 128.00 CNY");
    }
  }

  @Test
  void captureIsCheckedAgainstTheApprovedAmountAndReleaseReleasesIt() {
    PartialHost host = new PartialHost();
    try (EscrowClient client = client(host)) {
      Escrow held = client.hold(Money.of("128.00", "CNY")).reference("partial")
          .card(TestCards.unionPayChip()).execute();
      Escrow second = client.hold(Money.of("128.00", "CNY")).reference("partial-2")
          .card(TestCards.unionPayChip()).execute();

      Escrow tooMuch = held.capture(Money.of("128.00", "CNY")).execute();
      Escrow captured = held.capture(Money.of("100.00", "CNY")).execute();
      Escrow released = second.release().execute();

      assertThat(tooMuch.result().get().status()).isEqualTo(OperationStatus.REFUSED);
      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(released.state()).isEqualTo(EscrowState.RELEASED);
      TransportRequest cancel = host.sent.get(host.sent.size() - 1);
      assertThat(cancel.type()).isEqualTo(RequestType.RELEASE);
      assertThat(cancel.amount()).isEqualTo(Money.of("100.00", "CNY"));
    }
  }

  /** A capture approved for less than asked captures what the host captured. */
  @Test
  void aCaptureApprovedForLessThanAskedCapturesThat() {
    PartialHost host = new PartialHost();
    try (EscrowClient client = client(host)) {
      Escrow held = client.hold(Money.of("100.00", "CNY")).reference("partial-capture")
          .card(TestCards.unionPayChip()).execute();

      Escrow captured = held.capture(Money.of("90.00", "CNY")).execute();

      assertThat(captured.result().get().status()).isEqualTo(OperationStatus.APPROVED);
      assertThat(captured.snapshot().captured()).isEqualTo(Money.of("60.00", "CNY"));
      assertThat(captured.timeline()).last().extracting(e -> e.cause()).asString()
          .contains("capturing 60.00 CNY of 90.00 CNY");
    }
  }

  /**
   * Several captures allowed: a capture asked for the whole hold, approved for less, still closed
   * the hold at the host. The escrow is CAPTURED (not partly, with the rest seemingly capturable),
   * and the rest is released.
   */
  @Test
  void aCaptureOfTheWholeHoldApprovedForLessStillClosesIt() {
    PartialHost host = new PartialHost();
    try (EscrowClient client = client(host, SchemeProfile.genericCard())) {
      Escrow held = client.hold(Money.of("90.00", "CNY")).reference("partial-final")
          .card(TestCards.unionPayChip()).execute();

      Escrow captured = held.capture(Money.of("90.00", "CNY")).execute();

      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(captured.snapshot().captured()).isEqualTo(Money.of("60.00", "CNY"));
      assertThat(captured.timeline()).anySatisfy(event -> assertThat(event.cause())
          .contains("capturing 60.00 CNY of 90.00 CNY", "remainder 30.00 CNY to be released"));
    }
  }

  /**
   * A hold of 128.00 approved for 100.00 counts 100.00 against the card's daily limit of 200.00:
   * a hold of 99.00 then passes (it was refused when the amount asked counted), and one of 2.00
   * more does not.
   */
  @Test
  void aPartlyApprovedHoldCountsWhatTheHostApprovedAgainstRiskLimits() {
    RiskChain risk = RiskChain.builder()
        .rule(RiskRules.dailyLimit(Money.of("200.00", "CNY"), ZoneId.of("Asia/Shanghai")))
        .build();
    try (EscrowClient client = EscrowClient.builder()
        .merchant("898310048990001", "10000001")
        .transport(new PartialHost())
        .journal(new InMemoryJournal())
        .risk(risk)
        .build()) {
      Escrow part = client.hold(Money.of("128.00", "CNY")).reference("partial")
          .card(TestCards.unionPayChip()).execute();
      assertThat(part.snapshot().held()).isEqualTo(Money.of("100.00", "CNY"));

      Escrow second = client.hold(Money.of("99.00", "CNY")).reference("second")
          .card(TestCards.unionPayChip()).execute();
      Escrow third = client.hold(Money.of("2.00", "CNY")).reference("third")
          .card(TestCards.unionPayChip()).execute();

      assertThat(second.state()).isEqualTo(EscrowState.HELD);
      assertThat(third.result().get().status()).isEqualTo(OperationStatus.REFUSED);
    }
  }
}
