package io.escrowkit.internal;

import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import io.escrowkit.device.PinBlock;
import java.util.Objects;
import java.util.Optional;

/** A validated hold request, as the fluent builder hands it to the engine. */
public record HoldSpec(
    Money amount, String reference, CardData card, Optional<PinBlock> pinBlock, String key) {
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
