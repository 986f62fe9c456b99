package io.escrowkit.internal;

import io.escrowkit.EscrowState;
import java.util.Objects;
import java.util.Optional;

/** One cell of the transition table: how the target state is chosen, and the state when fixed. */
public record Transition(Target target, Optional<EscrowState> fixedState) {
  public static final Transition ILLEGAL = new Transition(Target.ILLEGAL, Optional.empty());
  public static final Transition RESUME = new Transition(Target.RESUME, Optional.empty());

  public Transition {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(fixedState, "fixedState");
    if ((target == Target.FIXED) != fixedState.isPresent()) {
      throw new IllegalArgumentException("a fixed state goes with Target.FIXED only");
    }
  }

  static Transition to(EscrowState state) {
    return new Transition(Target.FIXED, Optional.of(state));
  }

  static Transition of(Target target) {
    return new Transition(target, Optional.empty());
  }

  public boolean isLegal() {
    return target != Target.ILLEGAL;
  }
}
