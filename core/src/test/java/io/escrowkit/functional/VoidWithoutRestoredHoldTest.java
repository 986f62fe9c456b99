package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.SchemeProfile;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.RecordingTransport;
import org.junit.jupiter.api.Test;

/**
 * A scheme whose completion void gives the voided amount back to the card instead of to the hold:
 * the rest of a hold still open stays held and can be released, and other captures stand.
 */
class VoidWithoutRestoredHoldTest {
  private static final SchemeProfile NO_RESTORE =
      SchemeProfile.genericCard().toBuilder().voidRestoresHold(false).build();

  private final InMemoryTransport host =
      InMemoryTransport.approvingAll().withoutFinalCaptureMarker();
  private final RecordingTransport wire = new RecordingTransport(host);

  @Test
  void voidingTheOnlyCaptureOfAnOpenHoldLeavesItsRestToRelease() {
    try (Fixture fixture = new Fixture(host, wire, b -> b.profile(NO_RESTORE))) {
      Escrow held = hold(fixture);
      held.capture(cny("30.00")).execute();

      Escrow voided = held.voidCapture().execute();

      assertThat(voided.state()).isEqualTo(EscrowState.HELD);
      assertThat(voided.snapshot().remainingHold()).isEqualTo(cny("70.00"));
      voided.release().execute();
      assertThat(wire.sent(RequestType.RELEASE)).extracting(TransportRequest::amount)
          .containsExactly(cny("70.00"));
    }
  }

  @Test
  void voidingOneOfTwoCapturesKeepsTheOtherAndTheRestOfTheHold() {
    try (Fixture fixture = new Fixture(host, wire, b -> b.profile(NO_RESTORE))) {
      Escrow held = hold(fixture);
      held.capture(cny("30.00")).execute();
      held.capture(cny("20.00")).execute();

      Escrow voided = held.voidCapture().execute();

      assertThat(voided.state()).isEqualTo(EscrowState.PARTIALLY_CAPTURED);
      assertThat(voided.snapshot().captured()).isEqualTo(cny("30.00"));
      assertThat(voided.snapshot().remainingHold()).isEqualTo(cny("50.00"));
      Escrow released = voided.release().execute();
      assertThat(wire.sent(RequestType.RELEASE)).extracting(TransportRequest::amount)
          .containsExactly(cny("50.00"));
      assertThat(released.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(released.refund(cny("30.00")).execute().state())
          .isEqualTo(EscrowState.REFUNDED);
    }
  }

  /** A closed hold: the other capture stands, and what it held drops by the voided amount. */
  @Test
  void voidingTheFinalOfTwoCapturesKeepsTheOtherOnAClosedHold() {
    InMemoryTransport marking = InMemoryTransport.approvingAll(); // the host closes the hold
    try (Fixture fixture =
        new Fixture(marking, new RecordingTransport(marking), b -> b.profile(NO_RESTORE))) {
      Escrow held = hold(fixture);
      held.capture(cny("30.00")).execute();
      held.capture(cny("20.00")).finalCapture().execute();

      Escrow voided = held.voidCapture().execute();

      assertThat(voided.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(voided.snapshot().captured()).isEqualTo(cny("30.00"));
      assertThat(voided.snapshot().held()).isEqualTo(cny("80.00"));
      assertThat(voided.refund(cny("30.00")).execute().state()).isEqualTo(EscrowState.REFUNDED);
    }
  }

  private static Escrow hold(Fixture fixture) {
    return fixture.client.hold(cny("100.00")).reference("room 0314")
        .card(TestCards.unionPayChip()).execute();
  }

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }
}
