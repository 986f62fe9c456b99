package io.escrowkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Command;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.IllegalTransitionException;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.PendingRequest;
import io.escrowkit.SchemeProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of operator commands and host answers, applied to the pure state machine under
 * both built-in profiles: the escrow never reaches a state the table does not lead to, never
 * captures beyond the scheme's tolerance, never refunds more than it captured, and an illegal
 * command is refused exactly when the table says so, leaving the escrow unchanged.
 */
class EscrowStateMachinePropertiesTest {
  private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

  record Step(Command command, long amountMinor, Command answer, boolean finalCapture,
      long minutesLater) {}

  @Property(tries = 500)
  void randomSequencesStayWithinTheRules(
      @ForAll("steps") List<Step> steps, @ForAll boolean unionPay, @ForAll("holds") long heldMinor) {
    SchemeProfile profile = unionPay ? SchemeProfile.unionPay() : SchemeProfile.genericCard();
    EscrowStateMachine machine = new EscrowStateMachine(profile);
    EscrowSnapshot escrow = approvedHold(machine, heldMinor);
    Instant now = T0;
    long trace = 2;
    for (Step step : steps) {
      now = now.plus(Duration.ofMinutes(step.minutesLater()));
      EscrowState before = escrow.state();
      Transition transition = TransitionTable.lookup(before, step.command());
      Optional<Money> amount = Optional.of(Money.ofMinor(step.amountMinor(), "CNY"));
      if (!transition.isLegal()) {
        EscrowSnapshot unchanged = escrow;
        Instant at = now;
        assertThatThrownBy(() -> machine.admit(unchanged, step.command(), amount, at))
            .isInstanceOf(IllegalTransitionException.class);
        continue;
      }
      if (step.command() == Command.EXPIRE) {
        escrow = machine.expire(escrow, now);
        continue;
      }
      Admission admission = machine.admit(escrow, step.command(), amount, now);
      if (admission.violation().isPresent()) {
        continue;
      }
      PendingRequest request = new PendingRequest(Operation.valueOf(step.command().name()),
          "op-" + trace, "key-" + trace, admission.amount().get(), step.finalCapture(), trace++,
          now);
      escrow = machine.begin(escrow, step.command(), request);
      assertThat(escrow.state().isPending()).isTrue();
      escrow = machine.answer(escrow, step.answer(), Map.of(), now);
      if (escrow.state() == EscrowState.IN_DOUBT) {
        assertThat(escrow.pending()).isPresent();
        escrow = machine.answer(escrow, Command.CONFIRM_REVERSAL, Map.of(), now);
        assertThat(escrow.state()).isEqualTo(before);
      }
      assertInvariants(escrow, profile);
    }
  }

  private static void assertInvariants(EscrowSnapshot escrow, SchemeProfile profile) {
    assertThat(escrow.state().isPending() || escrow.state() == EscrowState.IN_DOUBT).isFalse();
    assertThat(escrow.pending()).isEmpty();
    assertThat(escrow.captured().isGreaterThan(profile.captureLimit(escrow.held()))).isFalse();
    assertThat(escrow.refunded().isGreaterThan(escrow.captured())).isFalse();
    if (!profile.multipleCaptures()) {
      assertThat(escrow.captures().size()).isLessThanOrEqualTo(1);
    }
    if (escrow.state() == EscrowState.HELD) {
      assertThat(escrow.captures()).isEmpty();
    }
    if (escrow.state() == EscrowState.REFUNDED) {
      assertThat(escrow.refunded()).isEqualTo(escrow.captured());
    }
  }

  private static EscrowSnapshot approvedHold(EscrowStateMachine machine, long heldMinor) {
    Money held = Money.ofMinor(heldMinor, "CNY");
    PendingRequest hold = new PendingRequest(Operation.HOLD, "op-1", "key-1", held, false, 1, T0);
    EscrowSnapshot pending = new EscrowSnapshot("esc-1", "ref", "m", "t", "620000******0005",
        "card_x", machine.profile().name(), EscrowState.HOLD_PENDING, held, List.of(),
        Money.zero(held.currency()), T0, T0, T0.plus(machine.profile().holdValidity()), Map.of(),
        Optional.of(hold), Optional.empty(), 1);
    return machine.answer(pending, Command.APPROVE, Map.of("authorizationCode", "123456"), T0);
  }

  @Provide
  Arbitrary<Long> holds() {
    return Arbitraries.longs().between(1, 1_000_000);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Command> commands = Arbitraries.of(Command.CAPTURE, Command.RELEASE,
        Command.VOID_CAPTURE, Command.REFUND, Command.EXPIRE, Command.APPROVE);
    Arbitrary<Command> answers = Arbitraries.of(Command.APPROVE, Command.APPROVE,
        Command.DECLINE, Command.LOSE_OUTCOME);
    Arbitrary<Step> step = Combinators.combine(commands, Arbitraries.longs().between(1, 1_300_000),
        answers, Arbitraries.of(true, false), Arbitraries.longs().between(0, 60 * 24 * 10))
        .as(Step::new);
    return step.list().ofMaxSize(12);
  }
}
