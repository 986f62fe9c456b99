package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.HoldRequest;
import io.escrowkit.IdempotencyConflictException;
import io.escrowkit.Money;
import io.escrowkit.OperationRequest;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.RequestType;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.ForwardingJournal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A key the client generated is not looked up in the journal on its request's first run (nothing
 * can be stored under it), and is on every later run; a key the caller gave always is.
 */
class GeneratedKeyLookupsTest {
  private static final Money TEN = Money.of("10.00", "CNY");

  private final List<String> lookedUp = new CopyOnWriteArrayList<>();
  private final InMemoryTransport host = InMemoryTransport.approvingAll();
  private final ForwardingJournal counting = new ForwardingJournal(new InMemoryJournal()) {
    @Override
    public Optional<IdempotencyRecord> idempotency(String key) {
      lookedUp.add(key);
      return super.idempotency(key);
    }
  };

  @Test
  void aHoldAndACaptureWithGeneratedKeysAskTheJournalForNoKey() {
    try (Fixture fixture = new Fixture(host, host, counting, b -> b)) {
      Escrow held = holdRequest(fixture, TEN).execute();
      Escrow captured = held.capture(TEN).execute();

      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(lookedUp).isEmpty();
      assertThat(fixture.journal.idempotency(held.result().orElseThrow().idempotencyKey())).isPresent();
      assertThat(fixture.journal.idempotency(captured.result().orElseThrow().idempotencyKey())).isPresent();
    }
  }

  @Test
  void aHoldRunAgainIsLookedUpAndReplayed() {
    try (Fixture fixture = new Fixture(host, host, counting, b -> b)) {
      HoldRequest request = holdRequest(fixture, TEN);
      Escrow first = request.execute();
      Escrow again = request.execute();

      assertThat(again.id()).isEqualTo(first.id());
      assertThat(lookedUp).containsExactly(request.idempotencyKey());
      assertThat(host.received(RequestType.HOLD)).isEqualTo(1);
    }
  }

  @Test
  void aCaptureRunAgainIsLookedUpAndReplayed() {
    try (Fixture fixture = new Fixture(host, host, counting, b -> b)) {
      Escrow held = holdRequest(fixture, TEN).execute();
      OperationRequest capture = held.capture(TEN);
      Escrow first = capture.execute();
      Escrow again = capture.execute();

      assertThat(again.result()).isEqualTo(first.result());
      assertThat(lookedUp).containsExactly(capture.idempotencyKey());
      assertThat(host.received(RequestType.CAPTURE)).isEqualTo(1);
    }
  }

  @Test
  void keysTheCallerGaveAreLookedUpOnTheFirstRun() {
    try (Fixture fixture = new Fixture(host, host, counting, b -> b)) {
      Escrow held = holdRequest(fixture, TEN).idempotencyKey("order-17-hold").execute();
      held.capture(TEN).idempotencyKey("order-17-capture").execute();

      assertThat(lookedUp).containsExactly("order-17-hold", "order-17-capture");
    }
  }

  /**
   * A generated key handed by the caller to another request, which ran first: the journal's
   * insert-once rule still finds it stored, and the first request's own run is refused.
   */
  @Test
  void aGeneratedKeyStoredByAnotherRequestIsStillRefused() {
    try (Fixture fixture = new Fixture(host, host, counting, b -> b)) {
      HoldRequest unsent = holdRequest(fixture, TEN);
      holdRequest(fixture, Money.of("20.00", "CNY"))
          .idempotencyKey(unsent.idempotencyKey())
          .execute();

      assertThatThrownBy(unsent::execute).isInstanceOf(IdempotencyConflictException.class);
      assertThat(host.received(RequestType.HOLD)).isEqualTo(1);
    }
  }

  private static HoldRequest holdRequest(Fixture fixture, Money amount) {
    return fixture.client.hold(amount).reference("room 1208").card(TestCards.unionPayChip());
  }
}
