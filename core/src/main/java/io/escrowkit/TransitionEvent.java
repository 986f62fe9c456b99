package io.escrowkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an escrow's state, as listeners see it and the journal keeps it. Immutable.
 *
 * @param escrowId which escrow
 * @param version the snapshot version the change produced
 * @param from the state before (absent for the first)
 * @param to the state after
 * @param cause why, in words safe to log (never card data): e.g. "capture approved (00)"
 * @param at when, by the client's clock
 */
public record TransitionEvent(
    String escrowId,
    long version,
    Optional<EscrowState> from,
    EscrowState to,
    String cause,
    Instant at) {

  public TransitionEvent {
    Objects.requireNonNull(escrowId, "escrowId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(at, "at");
  }

  @Override
  public String toString() {
    return at + " " + from.map(Enum::name).orElse("-") + " -> " + to + " (" + cause + ")";
  }
}
