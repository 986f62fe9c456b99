package io.escrowkit;

import io.escrowkit.device.CardData;
import io.escrowkit.internal.EscrowEngine;
import io.escrowkit.internal.Futures;
import io.escrowkit.internal.OperationSpec;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One release, capture void or refund about to be sent; {@link #execute()} sends it. The
 * idempotency key is generated when the request is made, so retrying the same request object
 * never repeats the operation. Not threadsafe (build it on one thread; execute from any).
 */
public class OperationRequest {
  private final EscrowEngine engine;
  private final String escrowId;
  private final Command command;
  private final Optional<Money> amount;
  private String key;
  private CardData card;

  OperationRequest(EscrowEngine engine, String escrowId, Command command, Optional<Money> amount) {
    this.engine = engine;
    this.escrowId = escrowId;
    this.command = command;
    this.amount = amount;
    this.key = engine.newIdempotencyKey();
  }

  /** Use the caller's key (e.g. from its own request id) instead of a generated one. */
  public OperationRequest idempotencyKey(String idempotencyKey) {
    this.key = Idempotency.validKey(idempotencyKey);
    return this;
  }

  /**
   * The card, presented again (e.g. at check-out), for schemes that want the card number with
   * follow-ups. It must be the escrow's card; it goes to the host with this request and is never
   * stored.
   */
  public OperationRequest card(CardData card) {
    if (this.card != null) {
      throw new IllegalStateException("card was already set");
    }
    this.card = Objects.requireNonNull(card, "card");
    return this;
  }

  /** The key this request is sent with. */
  public String idempotencyKey() {
    return key;
  }

  /**
   * Sends the request and waits for the outcome.
   *
   * @throws IllegalTransitionException when the escrow's state does not accept it
   * @throws IdempotencyConflictException when the key was used for something else
   */
  public Escrow execute() {
    return Futures.sendAndAwait(this::executeAsync);
  }

  /** Sends the request; the future completes with the escrow as the outcome left it. */
  public CompletableFuture<Escrow> executeAsync() {
    OperationSpec spec = new OperationSpec(
        escrowId, command(), amount, isFinalCapture(), key, Optional.ofNullable(card));
    return Futures.invoke(() -> engine.operate(spec)).thenApply(result -> Escrow.of(engine, result));
  }

  boolean isFinalCapture() {
    return false;
  }

  Command command() {
    return command;
  }

  static Optional<Money> amount(Money amount) {
    return Optional.of(Objects.requireNonNull(amount, "amount"));
  }
}
