package io.escrowkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Command;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.PendingRequest;
import io.escrowkit.SchemeProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscrowStateMachineTest {
  private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
  private final EscrowStateMachine machine = new EscrowStateMachine(SchemeProfile.unionPay());

  private EscrowSnapshot held() {
    Money amount = Money.of("100.00", "CNY");
    PendingRequest hold = new PendingRequest(Operation.HOLD, "op-1", "k-1", amount, false, 1, T0);
    EscrowSnapshot pending = new EscrowSnapshot("esc-1", "ref", "m", "t", "620000******0005",
        "card_x", "UnionPay", EscrowState.HOLD_PENDING, amount, List.of(),
        Money.zero(amount.currency()), T0, T0, T0.plusSeconds(3600), Map.of(), Optional.of(hold),
        Optional.empty(), 1);
    return machine.answer(pending, Command.APPROVE,
        Map.of("authorizationCode", "123456", "retrievalReference", "000000000001"), T0);
  }

  @Test
  void anApprovedCaptureAddsItsReferencesToTheHolds() {
    EscrowSnapshot held = held();
    PendingRequest capture = new PendingRequest(
        Operation.CAPTURE, "op-2", "k-2", Money.of("80.00", "CNY"), false, 2, T0);
    EscrowSnapshot pending = machine.begin(held, Command.CAPTURE, capture);
    EscrowSnapshot captured = machine.answer(pending, Command.APPROVE,
        Map.of("captureRetrievalReference", "000000000002", "retrievalReference", "000000000002"),
        T0);
    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(captured.hostReferences())
        .containsEntry("authorizationCode", "123456")
        .containsEntry("captureRetrievalReference", "000000000002")
        .containsEntry("retrievalReference", "000000000002");
  }

  @Test
  void aDeclinedCaptureKeepsTheReferencesItHad() {
    EscrowSnapshot held = held();
    PendingRequest capture = new PendingRequest(
        Operation.CAPTURE, "op-2", "k-2", Money.of("80.00", "CNY"), false, 2, T0);
    EscrowSnapshot declined = machine.answer(machine.begin(held, Command.CAPTURE, capture),
        Command.DECLINE, Map.of("retrievalReference", "x"), T0);
    assertThat(declined.state()).isEqualTo(EscrowState.HELD);
    assertThat(declined.hostReferences()).isEqualTo(held.hostReferences());
    assertThat(declined.version()).isEqualTo(held.version() + 2);
  }
}
