package io.escrowkit;

import io.escrowkit.failure.Failure;
import io.escrowkit.internal.EscrowEngine;
import io.escrowkit.spi.HostReference;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;

/**
 * One escrow as an operation left it (or as {@link EscrowClient#find} found it), and the way to act
 * on it. The view is immutable; operations act on the escrow's current state in the journal, not
 * on this view, and return a new view. Threadsafe.
 *
 * <pre>{@code
 * Escrow held = client.hold(Money.of("128.00", "CNY")).reference("room-1208").card(card).execute();
 * Escrow captured = held.capture(Money.of("100.00", "CNY")).execute();
 * }</pre>
 */
public final class Escrow {
  private final EscrowEngine engine;
  private final EscrowSnapshot snapshot;
  private final Optional<EscrowResult> result;

  private Escrow(EscrowEngine engine, EscrowSnapshot snapshot, Optional<EscrowResult> result) {
    this.engine = engine;
    this.snapshot = snapshot;
    this.result = result;
  }

  static Escrow of(EscrowEngine engine, EscrowResult result) {
    return new Escrow(engine, result.snapshot(), Optional.of(result));
  }

  static Escrow found(EscrowEngine engine, EscrowSnapshot snapshot) {
    return new Escrow(engine, snapshot, Optional.empty());
  }

  public String id() {
    return snapshot.id();
  }

  public String reference() {
    return snapshot.reference();
  }

  /** The state as of this view. */
  public EscrowState state() {
    return snapshot.state();
  }

  public EscrowSnapshot snapshot() {
    return snapshot;
  }

  /** The result of the operation that produced this view; absent for a view from a lookup. */
  public Optional<EscrowResult> result() {
    return result;
  }

  /** True when the operation that produced this view was approved. */
  public boolean approved() {
    return result.map(EscrowResult::approved).orElse(false);
  }

  /**
   * Why the operation that produced this view did not succeed, with the operator's remedy; for an
   * escrow in {@link EscrowState#ADVICE_DECLINED}, why the host refused its offline capture; for
   * one in {@link EscrowState#REVERSAL_REFUSED}, why the host refused its reversal (these two
   * first: they say more than the result that led there); for a
   * captured escrow whose leftover hold the host refused to cancel, that refusal (the rest stays
   * frozen on the card until an operator has it released).
   */
  public Optional<Failure> failure() {
    Optional<Failure> leftToOperator = operatorFailure();
    if (leftToOperator.isPresent()) {
      return leftToOperator; // it says more than the result that led there (e.g. "in doubt")
    }
    Optional<Failure> failed = result.flatMap(EscrowResult::failure);
    if (failed.isPresent()) {
      return failed;
    }
    return Optional.ofNullable(snapshot.hostReferences().get(HostReference.REMAINDER_RESPONSE_CODE))
        .map(code -> Failure.remainderNotReleased(code, "escrow " + id()
            + ": cancel of what the final capture left of the hold refused by the host"));
  }

  /** The failure of an escrow left to an operator (ADVICE_DECLINED, REVERSAL_REFUSED). */
  private Optional<Failure> operatorFailure() {
    Map<String, String> references = snapshot.hostReferences();
    if (snapshot.state() == EscrowState.REVERSAL_REFUSED) {
      String inDoubt = snapshot.pending()
          .map(p -> p.operation() + " " + p.amount() + " (terminal " + snapshot.terminalId()
              + ", trace " + p.trace() + ", sent " + p.sentAt() + ")")
          .orElse("request");
      return Optional.ofNullable(references.get(HostReference.REVERSAL_RESPONSE_CODE))
          .map(code -> Failure.reversalRefused(code, "escrow " + id() + ": reversal of the "
              + inDoubt + " whose outcome is unknown refused by the host"));
    }
    if (snapshot.state() == EscrowState.ADVICE_DECLINED) {
      return Optional.ofNullable(references.get(HostReference.ADVICE_RESPONSE_CODE))
          .map(code -> Failure.adviceDeclined(code, "completion advice of escrow " + id()
              + " (capture approved offline) refused by the host"));
    }
    return Optional.empty();
  }

  /** A fresh view of the escrow from the journal. */
  public Escrow refresh() {
    return found(engine, engine.find(id()).orElseThrow(() -> new UnknownEscrowException(id())));
  }

  /** Every state change, oldest first. */
  public List<TransitionEvent> timeline() {
    return engine.timeline(id());
  }

  /** Captures {@code amount} of the hold (pre-authorization completion). */
  public CaptureRequest capture(Money amount) {
    return new CaptureRequest(engine, id(), amount);
  }

  /** Releases the hold, or what remains of it after partial captures (pre-authorization cancel). */
  public OperationRequest release() {
    return new OperationRequest(engine, id(), Command.RELEASE, Optional.empty());
  }

  /** Voids the most recent capture, the same business day. */
  public OperationRequest voidCapture() {
    return new OperationRequest(engine, id(), Command.VOID_CAPTURE, Optional.empty());
  }

  /** Refunds {@code amount} of what was captured. */
  public OperationRequest refund(Money amount) {
    return new OperationRequest(
        engine, id(), Command.REFUND, Optional.of(Objects.requireNonNull(amount, "amount")));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Escrow
        && snapshot.equals(((Escrow) other).snapshot)
        && result.equals(((Escrow) other).result);
  }

  @Override
  public int hashCode() {
    return Objects.hash(snapshot, result);
  }

  @Override
  public String toString() {
    return "Escrow[" + id() + " " + reference() + " " + state() + " held=" + snapshot.held()
        + " captured=" + snapshot.captured() + " card=" + snapshot.maskedPan() + "]";
  }
}
