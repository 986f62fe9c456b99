package io.escrowkit;

import io.escrowkit.device.CardData;
import io.escrowkit.device.PinBlock;
import io.escrowkit.internal.EscrowEngine;
import io.escrowkit.internal.Futures;
import io.escrowkit.internal.HoldSpec;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A hold (pre-authorization) about to be sent: set the reference and card, then
 * {@link #execute()}. The idempotency key is generated when the request is made unless given.
 * Not threadsafe (build it on one thread); setting a value twice is an error.
 */
public final class HoldRequest {
  private static final int MAX_REFERENCE_LENGTH = 64;
  private final EscrowEngine engine;
  private final Money amount;
  private String reference;
  private CardData card;
  private PinBlock pinBlock;
  private String key;
  private boolean keyGiven;

  HoldRequest(EscrowEngine engine, Money amount) {
    this.engine = engine;
    this.amount = Objects.requireNonNull(amount, "amount");
    if (amount.isZero()) {
      throw new InvalidAmountException("a hold of zero cannot be requested");
    }
    this.key = engine.newIdempotencyKey();
  }

  /**
   * The merchant's reference for this escrow (room, order, rental): 1 to 64 characters after
   * trimming, printable (no control characters).
   */
  public HoldRequest reference(String reference) {
    Objects.requireNonNull(reference, "reference");
    once(this.reference, "reference");
    String trimmed = reference.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_REFERENCE_LENGTH) {
      throw new IllegalArgumentException(
          "reference must be 1 to " + MAX_REFERENCE_LENGTH + " characters, got '" + reference + "'");
    }
    this.reference = Texts.printable(trimmed, "reference");
    return this;
  }

  /** The card, as the card reader read it. */
  public HoldRequest card(CardData card) {
    once(this.card, "card");
    this.card = Objects.requireNonNull(card, "card");
    return this;
  }

  /** The encrypted PIN block, when the cardholder entered a PIN. */
  public HoldRequest pinBlock(PinBlock pinBlock) {
    once(this.pinBlock, "pinBlock");
    this.pinBlock = Objects.requireNonNull(pinBlock, "pinBlock");
    return this;
  }

  /** Use the caller's key instead of a generated one. */
  public HoldRequest idempotencyKey(String idempotencyKey) {
    if (keyGiven) {
      throw new IllegalStateException("idempotencyKey was already set");
    }
    this.key = Idempotency.validKey(idempotencyKey);
    keyGiven = true;
    return this;
  }

  public String idempotencyKey() {
    return key;
  }

  /**
   * Runs the risk checks, sends the pre-authorization and waits for the outcome. A decline or a
   * risk refusal is a result ({@link Escrow#approved()} false, {@link Escrow#failure()} says why),
   * not an exception.
   */
  public Escrow execute() {
    return Futures.sendAndAwait(this::executeAsync);
  }

  public CompletableFuture<Escrow> executeAsync() {
    if (reference == null) {
      throw new IllegalStateException("a hold needs reference(...)");
    }
    if (card == null) {
      throw new IllegalStateException("a hold needs card(...)");
    }
    HoldSpec spec = new HoldSpec(amount, reference, card, Optional.ofNullable(pinBlock), key);
    return Futures.invoke(() -> engine.hold(spec)).thenApply(result -> Escrow.of(engine, result));
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
