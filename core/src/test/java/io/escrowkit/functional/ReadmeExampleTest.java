package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.SchemeProfile;
import io.escrowkit.device.CardData;
import io.escrowkit.device.simulated.SimulatedDevice;
import io.escrowkit.device.simulated.SimulatedDisplay;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fifteen lines of README.md's API example, run as written, so the README stays true. */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleRunsAsWritten() {
    InMemoryTransport acquirer = InMemoryTransport.approvingAll();
    Transport transport = acquirer;
    Journal journal = new InMemoryJournal();
    CardData card = TestCards.unionPayChip();
    SimulatedDisplay display = SimulatedDevice.blank(new Random(1)).simulatedDisplay();

    // --- README.md, "The API in fifteen lines" ---
    EscrowClient client = EscrowClient.builder()
        .merchant("898310048990001", "10000001")      // field 42, field 41
        .transport(transport)                         // ISO 8583, HTTP, or InMemoryTransport
        .journal(journal)                             // durable memory; default in-memory
        .profile(SchemeProfile.unionPay())            // 115% tolerance, one completion, 30-day holds
        .build();
    Escrow escrow = client.hold(Money.of("128.00", "CNY")).reference("room-1208").card(card).execute();
    if (!escrow.approved()) {
      display.show(escrow.failure().get().remedy(Locale.SIMPLIFIED_CHINESE));  // 余额不足，请…
      return;
    }
    Escrow done = escrow.capture(Money.of("100.00", "CNY"))
        .idempotencyKey("checkout-1208")              // a retry with this key replays the result
        .execute();                                   // UnionPay: the rest of the hold is released
    client.find("room-1208").ifPresent(e -> System.out.println(e.state()));   // CAPTURED
    // --- end of the README example ---

    assertThat(done.state()).isEqualTo(EscrowState.CAPTURED);
    Escrow retried = escrow.capture(Money.of("100.00", "CNY"))
        .idempotencyKey("checkout-1208").execute();
    assertThat(retried.result()).isEqualTo(done.result());
    assertThat(acquirer.received(RequestType.CAPTURE)).isEqualTo(1);
    client.close();
  }
}
