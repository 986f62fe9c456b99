package io.escrowkit.internal;

import java.util.Objects;

/**
 * A command the state accepts but the scheme's rules refuse (over tolerance, expired hold, void
 * after the business day). Nothing is sent; the escrow is unchanged.
 *
 * @param code stable code, one of the operator failure codes of {@code Failure.operator}
 * @param detail English detail naming the escrow and the amounts
 */
public record RuleViolation(String code, String detail) {
  public RuleViolation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }
}
