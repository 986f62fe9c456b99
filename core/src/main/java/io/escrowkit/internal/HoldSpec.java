package io.escrowkit.internal;

import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import io.escrowkit.device.PinBlock;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated hold request, as the fluent builder hands it to the engine.
 *
 * @param keyUnused the key was generated for this request, and this is the request's first run:
 *     nothing can be stored under it yet, so the journal is not asked for it (one read less per
 *     hold on a database journal); the journal's insert-once rule still guards it
 */
public record HoldSpec(
    Money amount,
    String reference,
    CardData card,
    Optional<PinBlock> pinBlock,
    String key,
    boolean keyUnused) {
  public HoldSpec {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(pinBlock, "pinBlock");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return "HoldSpec[" + amount + " ref=" + reference + " card=" + card.maskedPan() + "]";
  }
}
