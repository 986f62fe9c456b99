package io.escrowkit.internal;

import static io.escrowkit.Command.APPROVE;
import static io.escrowkit.Command.CAPTURE;
import static io.escrowkit.Command.CAPTURE_OFFLINE;
import static io.escrowkit.Command.CONFIRM_REVERSAL;
import static io.escrowkit.Command.DECLINE;
import static io.escrowkit.Command.EXPIRE;
import static io.escrowkit.Command.LOSE_OUTCOME;
import static io.escrowkit.Command.REFUND;
import static io.escrowkit.Command.REFUSE_REVERSAL;
import static io.escrowkit.Command.RELEASE;
import static io.escrowkit.Command.VOID_CAPTURE;
import static io.escrowkit.EscrowState.ADVICE_DECLINED;
import static io.escrowkit.EscrowState.CAPTURED;
import static io.escrowkit.EscrowState.CAPTURE_PENDING;
import static io.escrowkit.EscrowState.DECLINED;
import static io.escrowkit.EscrowState.EXPIRED;
import static io.escrowkit.EscrowState.HELD;
import static io.escrowkit.EscrowState.HOLD_PENDING;
import static io.escrowkit.EscrowState.IN_DOUBT;
import static io.escrowkit.EscrowState.PARTIALLY_CAPTURED;
import static io.escrowkit.EscrowState.PARTIALLY_REFUNDED;
import static io.escrowkit.EscrowState.REFUND_PENDING;
import static io.escrowkit.EscrowState.RELEASE_PENDING;
import static io.escrowkit.EscrowState.REVERSAL_REFUSED;
import static io.escrowkit.EscrowState.VOID_PENDING;

import io.escrowkit.Command;
import io.escrowkit.EscrowState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one transition table: every {@link EscrowState} x {@link Command} pair has exactly one
 * {@link Transition}, {@link Transition#ILLEGAL} unless listed below. docs/ARCHITECTURE.md shows the
 * same table; the tests assert every cell.
 */
public final class TransitionTable {
  private static final Map<EscrowState, Map<Command, Transition>> TABLE = build();

  private TransitionTable() {}

  /** The transition for {@code command} in {@code state}; never null. */
  public static Transition lookup(EscrowState state, Command command) {
    return TABLE.get(state).get(command);
  }

  private static Map<EscrowState, Map<Command, Transition>> build() {
    Map<EscrowState, Map<Command, Transition>> table = new EnumMap<>(EscrowState.class);
    for (EscrowState state : EscrowState.values()) {
      Map<Command, Transition> row = new EnumMap<>(Command.class);
      for (Command command : Command.values()) {
        row.put(command, Transition.ILLEGAL);
      }
      table.put(state, row);
    }
    // A request in flight: the host's answer decides.
    awaiting(table, HOLD_PENDING, Transition.to(HELD), Transition.to(DECLINED));
    awaiting(table, CAPTURE_PENDING, Transition.of(Target.AFTER_CAPTURE), Transition.RESUME);
    awaiting(table, RELEASE_PENDING, Transition.of(Target.AFTER_RELEASE), Transition.RESUME);
    awaiting(table, VOID_PENDING, Transition.of(Target.AFTER_VOID), Transition.RESUME);
    awaiting(table, REFUND_PENDING, Transition.of(Target.AFTER_REFUND), Transition.RESUME);
    // Settled states: the operator's commands.
    put(table, HELD, CAPTURE, Transition.to(CAPTURE_PENDING));
    put(table, HELD, RELEASE, Transition.to(RELEASE_PENDING));
    put(table, HELD, EXPIRE, Transition.to(EXPIRED));
    put(table, PARTIALLY_CAPTURED, CAPTURE, Transition.to(CAPTURE_PENDING));
    put(table, PARTIALLY_CAPTURED, RELEASE, Transition.to(RELEASE_PENDING));
    put(table, PARTIALLY_CAPTURED, VOID_CAPTURE, Transition.to(VOID_PENDING));
    put(table, PARTIALLY_CAPTURED, EXPIRE, Transition.to(CAPTURED));
    put(table, CAPTURED, VOID_CAPTURE, Transition.to(VOID_PENDING));
    put(table, CAPTURED, REFUND, Transition.to(REFUND_PENDING));
    put(table, PARTIALLY_REFUNDED, REFUND, Transition.to(REFUND_PENDING));
    // Store and forward: a capture approved offline counts at once; only a refusal of its advice
    // (DECLINE, from the advice worker) moves the captured escrow on.
    put(table, HELD, CAPTURE_OFFLINE, Transition.of(Target.AFTER_CAPTURE));
    put(table, PARTIALLY_CAPTURED, CAPTURE_OFFLINE, Transition.of(Target.AFTER_CAPTURE));
    put(table, PARTIALLY_CAPTURED, DECLINE, Transition.to(ADVICE_DECLINED));
    put(table, CAPTURED, DECLINE, Transition.to(ADVICE_DECLINED));
    // In doubt: only the reversal's acknowledgement moves it, back to where it was before.
    put(table, IN_DOUBT, CONFIRM_REVERSAL, Transition.of(Target.UNDO));
    // ... or the host's final refusal of it, which leaves it to an operator.
    put(table, IN_DOUBT, REFUSE_REVERSAL, Transition.to(REVERSAL_REFUSED));
    Map<EscrowState, Map<Command, Transition>> frozen = new EnumMap<>(EscrowState.class);
    table.forEach((state, row) -> frozen.put(state, Collections.unmodifiableMap(row)));
    return Collections.unmodifiableMap(frozen);
  }

  private static void awaiting(
      Map<EscrowState, Map<Command, Transition>> table,
      EscrowState pending,
      Transition onApprove,
      Transition onDecline) {
    put(table, pending, APPROVE, onApprove);
    put(table, pending, DECLINE, onDecline);
    put(table, pending, LOSE_OUTCOME, Transition.to(IN_DOUBT));
  }

  private static void put(
      Map<EscrowState, Map<Command, Transition>> table,
      EscrowState state,
      Command command,
      Transition transition) {
    table.get(state).put(command, transition);
  }
}
