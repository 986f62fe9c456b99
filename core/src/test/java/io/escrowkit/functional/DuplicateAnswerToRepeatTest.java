package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import io.escrowkit.testing.Fixture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Work the client owes, sent again as a repeat, answered 94 (duplicate transmission): the host has
 * the first one, so it was taken. Before, a forwarded refund answered so was booked as declined
 * (and an operator would refund again: twice at the host), and a reversal never ended.
 */
class DuplicateAnswerToRepeatTest {

  /**
   * Passes the first request of {@code type} to the host and loses its answer, then answers each
   * repeat with the next scripted code without passing it on (the host has the first already).
   */
  private static final class RepeatsAnswered implements Transport {
    private final InMemoryTransport host;
    private final RequestType type;
    private final Deque<String> repeatCodes;
    private int sent;

    RepeatsAnswered(InMemoryTransport host, RequestType type, String... repeatCodes) {
      this.host = host;
      this.type = type;
      this.repeatCodes = new ArrayDeque<>(java.util.List.of(repeatCodes));
    }

    @Override
    public String name() {
      return "repeats-answered";
    }

    @Override
    public synchronized CompletableFuture<TransportOutcome> send(TransportRequest request) {
      if (request.type() != type) {
        return host.send(request);
      }
      if (sent++ == 0) {
        return host.send(request).thenApply(applied -> TransportOutcome.unknown(
            UnknownReason.TIMEOUT, "test: the answer was lost"));
      }
      String code = repeatCodes.isEmpty() ? "94" : repeatCodes.poll();
      return CompletableFuture.completedFuture(TransportOutcome.fromResponseCode(code, Map.of()));
    }

    synchronized int sent() {
      return sent;
    }
  }

  @Test
  void aForwardedRefundWhoseRepeatIsAnsweredDuplicateWasTaken() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RepeatsAnswered wire = new RepeatsAnswered(host, RequestType.REFUND, "91", "94");
    try (Fixture fixture = new Fixture(host, wire, b -> b)) {
      Escrow held = fixture.client.hold(Money.of("100.00", "CNY")).reference("dup-refund")
          .card(TestCards.unionPayChip()).execute();
      held.capture(Money.of("100.00", "CNY")).execute();

      held.refund(Money.of("40.00", "CNY")).execute();

      fixture.events.awaitState(held.id(), EscrowState.PARTIALLY_REFUNDED, Duration.ofSeconds(10));
      assertThat(wire.sent()).as("first, the 91 asked again, the 94").isEqualTo(3);
      assertThat(host.ledger().entry(held.id()).get().refunded())
          .isEqualTo(Money.of("40.00", "CNY"));
      assertThat(fixture.journal.find(held.id()).get().refunded())
          .isEqualTo(Money.of("40.00", "CNY"));
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void aReversalWhoseRepeatIsAnsweredDuplicateIsDone() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RepeatsAnswered wire = new RepeatsAnswered(host, RequestType.REVERSAL);
    try (Fixture fixture = new Fixture(host, wire, b -> b)) {
      host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);

      Escrow inDoubt = fixture.client.hold(Money.of("100.00", "CNY")).reference("dup-reversal")
          .card(TestCards.unionPayChip()).execute();

      fixture.events.awaitState(inDoubt.id(), EscrowState.REVERSED, Duration.ofSeconds(10));
      assertThat(wire.sent()).isEqualTo(2);
      assertThat(host.reversalsApplied()).isEqualTo(1);
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  /**
   * A forwarded request whose repeat gets a code the catalog does not know: the host answered,
   * and would answer the same again; it ends as refused, for an operator, not asked for ever.
   */
  @Test
  void aForwardedRefundAnsweredWithAnUncataloguedCodeIsNotAskedForEver() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RepeatsAnswered wire = new RepeatsAnswered(host, RequestType.REFUND, "Q7", "Q7", "Q7");
    try (Fixture fixture = new Fixture(host, wire, b -> b)) {
      Escrow held = fixture.client.hold(Money.of("100.00", "CNY")).reference("q7-refund")
          .card(TestCards.unionPayChip()).execute();
      held.capture(Money.of("100.00", "CNY")).execute();

      held.refund(Money.of("40.00", "CNY")).execute();

      fixture.events.awaitCause(held.id(), "(Q7)", Duration.ofSeconds(10));
      assertThat(wire.sent()).isEqualTo(2);
      assertThat(fixture.journal.find(held.id()).get().state()).isEqualTo(EscrowState.CAPTURED);
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }
}
