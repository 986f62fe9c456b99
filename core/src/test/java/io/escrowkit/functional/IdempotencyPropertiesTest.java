package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowResult;
import io.escrowkit.IdempotencyConflictException;
import io.escrowkit.IllegalTransitionException;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.ReversalPendingException;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.FaultPlan;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.RecordingTransport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Operations with keys drawn from a small pool, so keys repeat: a repeated key with the same
 * parameters replays the first result exactly (nothing is sent again); with other parameters it is
 * a conflict.
 */
class IdempotencyPropertiesTest {

  record Call(int key, int kind, long amountMinor) {}

  @Property(tries = 60)
  void repeatedKeysReplayTheFirstResult(@ForAll("calls") List<Call> calls, @ForAll long seed) {
    InMemoryTransport transport = InMemoryTransport.create(
        FaultPlan.randomly(new Random(seed), 0.1, List.of(Fault.RESPONSE_LOST)), r -> Optional.empty());
    RecordingTransport wire = new RecordingTransport(transport);
    try (Fixture fixture = new Fixture(transport, wire, b -> b)) {
      Escrow held = fixture.client.hold(Money.of("500.00", "CNY")).reference("prop")
          .card(TestCards.unionPayChip()).idempotencyKey("hold").execute();
      Map<String, String> params = new HashMap<>();
      Map<String, EscrowResult> first = new HashMap<>();
      for (Call call : calls) {
        String key = "k" + call.key();
        String described = call.kind() + "/" + call.amountMinor();
        Money amount = Money.ofMinor(call.amountMinor(), "CNY");
        int sentBefore = firstSendings(wire);
        try {
          Escrow after = call.kind() == 0
              ? held.capture(amount).idempotencyKey(key).execute()
              : held.refund(amount).idempotencyKey(key).execute();
          EscrowResult result = after.result().get();
          if (first.containsKey(key)) {
            assertThat(params.get(key)).isEqualTo(described);
            assertThat(result).isEqualTo(first.get(key));
            assertThat(firstSendings(wire)).isEqualTo(sentBefore);
          } else {
            params.put(key, described);
            first.put(key, result);
          }
        } catch (IdempotencyConflictException conflict) {
          assertThat(params.get(key)).isNotNull().isNotEqualTo(described);
        } catch (IllegalTransitionException | ReversalPendingException notNow) {
          // Not accepted now (in doubt, or a lost reversal answer still owed): nothing recorded.
          assertThat(first).doesNotContainKey(key);
        }
      }
    }
  }

  /**
   * Requests sent for the first time, reversals aside. Not the repeats the client's worker sends
   * in the background (a forwarded request whose answer was lost goes again as a repeat at any
   * moment, also while a replay runs): a replay that ran the operation again would send it anew.
   */
  private static int firstSendings(RecordingTransport wire) {
    int sum = 0;
    for (TransportRequest request : wire.sent()) {
      if (request.type() != RequestType.REVERSAL && !request.repeat()) {
        sum++;
      }
    }
    return sum;
  }


  @Test
  void holdReplayWithTheSameKeyReturnsTheSameEscrowAndSendsNothing() {
    try (Fixture fixture = new Fixture(InMemoryTransport.approvingAll())) {
      Escrow first = fixture.client.hold(Money.of("10.00", "CNY")).reference("r")
          .card(TestCards.unionPayChip()).idempotencyKey("order-1").execute();
      Escrow again = fixture.client.hold(Money.of("10.00", "CNY")).reference("r")
          .card(TestCards.unionPayChip()).idempotencyKey("order-1").execute();
      assertThat(again.result()).isEqualTo(first.result());
      assertThat(fixture.transport.received(RequestType.HOLD)).isEqualTo(1);
      assertThatThrownBy(() -> fixture.client.hold(Money.of("11.00", "CNY")).reference("r")
          .card(TestCards.unionPayChip()).idempotencyKey("order-1").execute())
          .isInstanceOf(IdempotencyConflictException.class)
          .hasMessageContaining("order-1");
      assertThat(first.result().get().status()).isEqualTo(OperationStatus.APPROVED);
    }
  }

  @Provide
  Arbitrary<List<Call>> calls() {
    return Combinators.combine(Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 1), Arbitraries.longs().between(1, 60_000))
        .as(Call::new).list().ofMaxSize(10);
  }
}
