package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowClientBuilder;
import io.escrowkit.EscrowState;
import io.escrowkit.HoldRequest;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * Text the journal stores is refused when a request is made, not when its write fails: a NUL that
 * PostgreSQL refuses in a text column, or an unpaired surrogate that would not come back as given.
 */
class StoredTextTest {
  private static final Money AMOUNT = Money.of("88.00", "CNY");
  private final InMemoryTransport host = InMemoryTransport.approvingAll();

  @Test
  void referencesAndKeysWithControlCharactersOrLoneSurrogatesAreRefusedWhereTheyAreGiven() {
    try (Fixture fixture = new Fixture(host)) {
      assertThatThrownBy(() -> hold(fixture).reference("room\u00001208"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("reference")
          .hasMessageContaining("U+0000");
      assertThatThrownBy(() -> hold(fixture).reference("room \uD800 1208"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unpaired surrogate U+D800");
      assertThatThrownBy(() -> hold(fixture).idempotencyKey("order\u001b17"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("idempotency key");
      EscrowClientBuilder builder = EscrowClient.builder();
      assertThatThrownBy(() -> builder.merchant("898310048990001", "1000\u00000001"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("terminalId");
      builder.merchant("898310048990001", "10000001"); // the refused call set nothing
      assertThat(host.received(RequestType.HOLD)).isZero();

      // Printable text beyond ASCII, a surrogate pair included, is kept as given.
      String reference = "房间 1208 \uD83C\uDFE8";
      var held = hold(fixture).reference(reference).card(TestCards.unionPayChip()).execute();
      assertThat(held.state()).isEqualTo(EscrowState.HELD);
      assertThat(fixture.journal.find(held.id()).get().reference()).isEqualTo(reference);
    }
  }

  private static HoldRequest hold(Fixture fixture) {
    return fixture.client.hold(AMOUNT);
  }
}
