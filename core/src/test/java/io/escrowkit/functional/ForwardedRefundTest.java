package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.WorkItem;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.RecordingTransport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * UnionPay refunds are advices: one whose answer is lost is sent again as a repeat until the host
 * acknowledges it, never reversed, and the host books it once.
 */
class ForwardedRefundTest {

  @Test
  void aRefundWhoseAnswerIsLostIsForwardedAgainNotReversed() {
    try (Fixture fixture = new Fixture(InMemoryTransport.approvingAll())) {
      Escrow held = fixture.client.hold(Money.of("100.00", "CNY")).reference("refund")
          .card(TestCards.unionPayChip()).execute();
      held.capture(Money.of("100.00", "CNY")).execute();
      fixture.transport.injectNext(RequestType.REFUND, Fault.RESPONSE_LOST);
      fixture.transport.injectNext(RequestType.REFUND, Fault.CONNECTION_RESET);

      Escrow pending = held.refund(Money.of("40.00", "CNY")).execute();

      assertThat(pending.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
      assertThat(pending.failure().get().detail()).contains("sent again until acknowledged");
      assertThat(pending.state()).isEqualTo(EscrowState.REFUND_PENDING);
      fixture.events.awaitState(held.id(), EscrowState.PARTIALLY_REFUNDED, Duration.ofSeconds(10));
      assertThat(fixture.transport.received(RequestType.REFUND)).isEqualTo(3);
      assertThat(fixture.transport.received(RequestType.REVERSAL)).isZero();
      assertThat(fixture.transport.ledger().entry(held.id()).get().refunded())
          .isEqualTo(Money.of("40.00", "CNY"));
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void aForwardedRefundLeftPendingByACrashIsQueuedOnceByRecovery() {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = new Fixture(host, wire, b -> b.recoverOnStart(false))) {
      Escrow held = fixture.client.hold(Money.of("100.00", "CNY")).reference("refund-crash")
          .card(TestCards.unionPayChip()).execute();
      held.capture(Money.of("100.00", "CNY")).execute();
      host.injectNext(RequestType.REFUND, Fault.HANG);
      host.injectNext(RequestType.REFUND, Fault.HANG);
      fixture.client.escrow(held.id()).get().refund(Money.of("100.00", "CNY")).executeAsync();
      assertThat(fixture.journal.find(held.id()).get().state())
          .isEqualTo(EscrowState.REFUND_PENDING);
      fixture.clock.advance(Duration.ofHours(1)); // long past the request's own deadline

      fixture.client.recover();
      fixture.client.recover();

      long queued = fixture.journal.pendingWork().stream()
          .filter(w -> w.kind() == WorkItem.Kind.ADVICE).count();
      assertThat(queued).isLessThanOrEqualTo(1);
      fixture.events.awaitState(held.id(), EscrowState.REFUNDED, Duration.ofSeconds(10));
      assertThat(host.received(RequestType.REVERSAL)).isZero();
      assertThat(host.ledger().entry(held.id()).get().refunded())
          .isEqualTo(Money.of("100.00", "CNY"));
      // Sent again an hour later, the refund still says when it took place (fields 12 and 13).
      List<TransportRequest> refunds = wire.sent(RequestType.REFUND);
      TransportRequest first = refunds.get(0);
      TransportRequest last = refunds.get(refunds.size() - 1);
      assertThat(last.repeat()).isTrue();
      assertThat(last.transmittedAt()).isAfter(first.transmittedAt().plus(Duration.ofMinutes(59)));
      assertThat(last.transactedAt()).isEqualTo(first.transactedAt());
    }
  }
}
