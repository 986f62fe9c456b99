package io.escrowkit.internal;

import io.escrowkit.Command;
import io.escrowkit.Money;
import java.util.Objects;
import java.util.Optional;

/** A follow-up operation on an existing escrow, as the fluent builders hand it to the engine. */
public record OperationSpec(
    String escrowId, Command command, Optional<Money> amount, boolean finalCapture, String key) {
  public OperationSpec {
    Objects.requireNonNull(escrowId, "escrowId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(key, "key");
  }

  String fingerprint() {
    return command + " escrow=" + escrowId + amount.map(a -> " amount=" + a).orElse("")
        + (finalCapture ? " final" : "");
  }
}
