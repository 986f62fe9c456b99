package io.escrowkit.internal;

import io.escrowkit.Command;
import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import java.util.Objects;
import java.util.Optional;

/**
 * A follow-up operation on an existing escrow, as the fluent builders hand it to the engine. The
 * card, when presented again, goes to the host with this request only and is not part of the
 * operation's identity (a retry without it is the same operation).
 */
public record OperationSpec(
    String escrowId,
    Command command,
    Optional<Money> amount,
    boolean finalCapture,
    String key,
    Optional<CardData> card) {
  public OperationSpec {
    Objects.requireNonNull(card, "card");
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
