package io.escrowkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Command;
import io.escrowkit.EscrowState;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every state x every command against an expected matrix written out independently of the table
 * (and identical to the one in docs/ARCHITECTURE.md). A cell is "-" when illegal, a state name for
 * a fixed target, or the name of a computed target.
 */
class TransitionTableTest {
  private static final Command[] COLUMNS = {
    Command.CAPTURE, Command.CAPTURE_OFFLINE, Command.RELEASE, Command.VOID_CAPTURE,
    Command.REFUND, Command.EXPIRE, Command.APPROVE, Command.DECLINE, Command.LOSE_OUTCOME,
    Command.CONFIRM_REVERSAL, Command.REFUSE_REVERSAL
  };
  private static final Map<EscrowState, String> EXPECTED = new EnumMap<>(EscrowState.class);

  static {
    //     CAPTURE CAPTURE_OFFLINE RELEASE VOID_CAPTURE REFUND EXPIRE APPROVE DECLINE LOSE_OUTCOME
    //     CONFIRM_REVERSAL REFUSE_REVERSAL
    row(EscrowState.HOLD_PENDING, "- - - - - - HELD DECLINED IN_DOUBT - -");
    row(EscrowState.HELD, "CAPTURE_PENDING AFTER_CAPTURE RELEASE_PENDING - - EXPIRED - - - - -");
    row(EscrowState.DECLINED, "- - - - - - - - - - -");
    row(EscrowState.PARTIALLY_CAPTURED, "CAPTURE_PENDING AFTER_CAPTURE RELEASE_PENDING"
        + " VOID_PENDING - CAPTURED - ADVICE_DECLINED - - -");
    row(EscrowState.CAPTURED, "- - - VOID_PENDING REFUND_PENDING - - ADVICE_DECLINED - - -");
    row(EscrowState.PARTIALLY_REFUNDED, "- - - - REFUND_PENDING - - - - - -");
    row(EscrowState.REFUNDED, "- - - - - - - - - - -");
    row(EscrowState.RELEASED, "- - - - - - - - - - -");
    row(EscrowState.EXPIRED, "- - - - - - - - - - -");
    row(EscrowState.VOIDED, "- - - - - - - - - - -");
    row(EscrowState.CAPTURE_PENDING, "- - - - - - AFTER_CAPTURE RESUME IN_DOUBT - -");
    row(EscrowState.RELEASE_PENDING, "- - - - - - AFTER_RELEASE RESUME IN_DOUBT - -");
    row(EscrowState.VOID_PENDING, "- - - - - - AFTER_VOID RESUME IN_DOUBT - -");
    row(EscrowState.REFUND_PENDING, "- - - - - - AFTER_REFUND RESUME IN_DOUBT - -");
    row(EscrowState.IN_DOUBT, "- - - - - - - - - UNDO REVERSAL_REFUSED");
    row(EscrowState.REVERSED, "- - - - - - - - - - -");
    row(EscrowState.ADVICE_DECLINED, "- - - - - - - - - - -");
    row(EscrowState.REVERSAL_REFUSED, "- - - - - - - - - - -");
  }

  private static void row(EscrowState state, String cells) {
    EXPECTED.put(state, cells);
  }

  @ParameterizedTest
  @EnumSource(EscrowState.class)
  void everyCommandInEveryStateMatchesTheDocumentedTable(EscrowState state) {
    String[] cells = EXPECTED.get(state).split(" ");
    assertThat(cells).hasSize(COLUMNS.length);
    assertThat(COLUMNS).containsExactlyInAnyOrder(Command.values());
    for (int i = 0; i < COLUMNS.length; i++) {
      Transition transition = TransitionTable.lookup(state, COLUMNS[i]);
      assertThat(describe(transition))
          .as("%s x %s", state, COLUMNS[i])
          .isEqualTo(cells[i]);
    }
  }

  @ParameterizedTest
  @EnumSource(EscrowState.class)
  void terminalStatesAcceptNothing(EscrowState state) {
    for (Command command : Command.values()) {
      if (state.isTerminal()) {
        assertThat(TransitionTable.lookup(state, command).isLegal()).as("%s x %s", state, command)
            .isFalse();
      }
    }
  }

  private static String describe(Transition transition) {
    switch (transition.target()) {
      case ILLEGAL:
        return "-";
      case FIXED:
        return transition.fixedState().orElseThrow().name();
      default:
        return transition.target().name();
    }
  }
}
