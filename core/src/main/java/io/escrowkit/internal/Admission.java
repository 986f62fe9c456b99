package io.escrowkit.internal;

import io.escrowkit.Money;
import java.util.Objects;
import java.util.Optional;

/** An operator command's verdict: the amount its request will carry, or the rule it breaks. */
public record Admission(Optional<Money> amount, Optional<RuleViolation> violation) {
  public Admission {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(violation, "violation");
    if (amount.isPresent() == violation.isPresent()) {
      throw new IllegalArgumentException("an admission has an amount or a violation, not both");
    }
  }

  static Admission of(Money amount) {
    return new Admission(Optional.of(amount), Optional.empty());
  }

  static Admission refused(RuleViolation violation) {
    return new Admission(Optional.empty(), Optional.of(violation));
  }
}
