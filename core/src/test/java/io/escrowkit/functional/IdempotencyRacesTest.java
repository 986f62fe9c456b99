package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.IdempotencyConflictException;
import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.RequestType;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.ForwardingJournal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An idempotency key's lookups failing or overlapping with another call under the same key. */
class IdempotencyRacesTest {
  private static final Money TEN = Money.of("10.00", "CNY");

  @Test
  void aKeyWhoseLookupFailedIsFreeForTheNextCall() {
    AtomicInteger lookups = new AtomicInteger();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    ForwardingJournal failingFirstLookup = new ForwardingJournal(new InMemoryJournal()) {
      @Override
      public Optional<IdempotencyRecord> idempotency(String key) {
        if (lookups.incrementAndGet() == 1) {
          throw new IllegalStateException("journal unreachable");
        }
        return super.idempotency(key);
      }
    };
    try (Fixture fixture = new Fixture(host, host, failingFirstLookup, b -> b)) {
      assertThatThrownBy(() -> hold(fixture, TEN, "retry-me"))
          .hasMessageContaining("journal unreachable");
      assertThat(host.received(RequestType.HOLD)).isZero();

      Escrow held = CompletableFuture.supplyAsync(() -> hold(fixture, TEN, "retry-me"))
          .orTimeout(10, TimeUnit.SECONDS).join();
      assertThat(held.state()).isEqualTo(EscrowState.HELD);
      assertThat(host.received(RequestType.HOLD)).isEqualTo(1);
    }
  }

  @Test
  void aFaithfulRetryGetsTheStoredResultWhileAMismatchedOneIsBeingRefused() throws Exception {
    AtomicBoolean holdNextLookup = new AtomicBoolean();
    CountDownLatch lookupHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    InMemoryTransport host = InMemoryTransport.approvingAll();
    ForwardingJournal slowLookup = new ForwardingJournal(new InMemoryJournal()) {
      @Override
      public Optional<IdempotencyRecord> idempotency(String key) {
        if (holdNextLookup.compareAndSet(true, false)) {
          lookupHeld.countDown();
          await(release);
        }
        return super.idempotency(key);
      }
    };
    try (Fixture fixture = new Fixture(host, host, slowLookup, b -> b)) {
      Escrow first = hold(fixture, TEN, "k");

      holdNextLookup.set(true);
      CompletableFuture<Escrow> mismatched =
          CompletableFuture.supplyAsync(() -> hold(fixture, Money.of("20.00", "CNY"), "k"));
      assertThat(lookupHeld.await(10, TimeUnit.SECONDS)).isTrue();
      Escrow retried = hold(fixture, TEN, "k"); // while the mismatched call's lookup waits
      release.countDown();

      assertThat(retried.id()).isEqualTo(first.id());
      assertThat(retried.result()).isEqualTo(first.result());
      assertThatThrownBy(() -> mismatched.orTimeout(10, TimeUnit.SECONDS).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(IdempotencyConflictException.class);
      assertThat(host.received(RequestType.HOLD)).isEqualTo(1);
    }
  }

  private static Escrow hold(Fixture fixture, Money amount, String key) {
    return fixture.client.hold(amount).reference("race").card(TestCards.unionPayChip())
        .idempotencyKey(key).execute();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A client restarted on the journal, or another on it, with its own random card-token key: the
   * same hold under the same key replays the first result, not an IdempotencyConflictException
   * (the card used to enter the fingerprint by its token, which the key changes).
   */
  @Test
  void theSameHoldUnderTheSameKeyReplaysOnAClientWithAnotherTokenKey() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    InMemoryJournal journal = new InMemoryJournal();
    Escrow first;
    try (Fixture before = new Fixture(host, host, journal, 1, b -> b)) {
      first = hold(before, TEN, "after-restart");
    }
    try (Fixture after = new Fixture(host, host, journal, 2, b -> b)) {
      Escrow again = hold(after, TEN, "after-restart");

      assertThat(again.id()).isEqualTo(first.id());
      assertThat(again.result().get().status()).isEqualTo(first.result().get().status());
      assertThat(host.received(RequestType.HOLD)).isEqualTo(1);
    }
  }

  /**
   * With the application's token key, a card with the same masked number as the first hold's,
   * under the same key, is another card: a conflict, not the first card's escrow. A restart with
   * the same key replays.
   */
  @Test
  void withAGivenTokenKeyAnotherCardWithTheSameMaskedNumberIsAConflict() {
    byte[] tokenKey = "TEST_CARD_TOKEN_KEY_0001".getBytes(StandardCharsets.US_ASCII);
    InMemoryTransport host = InMemoryTransport.approvingAll();
    InMemoryJournal journal = new InMemoryJournal();
    CardData twin = TestCards.chip("6200000000180005"); // 620000******0005, as the test card
    assertThat(twin.maskedPan()).isEqualTo(TestCards.unionPayChip().maskedPan());
    Escrow first;
    try (Fixture before = new Fixture(host, host, journal, 1, b -> b.cardTokenKey(tokenKey))) {
      first = hold(before, TEN, "same-order");
    }
    try (Fixture after = new Fixture(host, host, journal, 2, b -> b.cardTokenKey(tokenKey))) {
      assertThat(hold(after, TEN, "same-order").id()).isEqualTo(first.id());
      assertThatThrownBy(() -> after.client.hold(TEN).reference("race").card(twin)
              .idempotencyKey("same-order").execute())
          .isInstanceOf(IdempotencyConflictException.class);
      assertThat(host.received(RequestType.HOLD)).isEqualTo(1);
    }
  }

  /**
   * A capture presenting the hold's own card through a client with another random token key (a
   * restart on a durable journal, another instance): the same card, not a CARD_MISMATCH.
   */
  @Test
  void theHoldsOwnCardIsAcceptedByAClientWithAnotherRandomTokenKey() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    InMemoryJournal journal = new InMemoryJournal();
    String id;
    try (Fixture before = new Fixture(host, host, journal, 1, b -> b)) {
      id = hold(before, TEN, "card-after-restart").id();
    }
    try (Fixture after = new Fixture(host, host, journal, 2, b -> b)) {
      Escrow captured = after.client.escrow(id).get().capture(TEN)
          .card(TestCards.unionPayChip()).execute();

      assertThat(captured.failure()).isEmpty();
      assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    }
  }
}
