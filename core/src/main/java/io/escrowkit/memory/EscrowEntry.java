package io.escrowkit.memory;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.TransitionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * All that {@link InMemoryJournal} keeps about one escrow, in one place: its latest snapshot, its
 * history, its idempotency keys, how much work it owes, and its place in the journal's order of
 * change (a doubly linked list, least recently changed first). One object per escrow keeps a write
 * to one hash lookup and the settled test to fields at hand. Guarded by the journal's lock.
 */
final class EscrowEntry {
  final String escrowId;
  /** Absent until the first snapshot is written (work or keys may name the escrow before). */
  EscrowSnapshot snapshot;
  final List<TransitionEvent> history = new ArrayList<>(4);
  final List<String> keys = new ArrayList<>(2);
  /** Keys of this escrow whose first result is not recorded yet. */
  int keysWithoutResult;
  /** Work items this escrow owes. */
  int owed;
  EscrowEntry older;
  EscrowEntry newer;

  EscrowEntry(String escrowId) {
    this.escrowId = escrowId;
  }

  /**
   * Whether nothing about the escrow is still open: no money held on the card (captured in full,
   * or ended), no request pending or in doubt, no owed work, every key with its result, and not
   * left to an operator (ADVICE_DECLINED, REVERSAL_REFUSED: terminal, but open until the acquirer
   * has settled it, and its failure says how). An entry
   * without a snapshot (keys or history written for an escrow forgotten before) has nothing open
   * once its keys have their results and it owes no work.
   */
  boolean isSettled() {
    if (owed > 0 || keysWithoutResult > 0) {
      return false;
    }
    EscrowSnapshot latest = snapshot;
    if (latest == null) {
      return true;
    }
    if (latest.pending().isPresent()) {
      return false;
    }
    EscrowState state = latest.state();
    if (state == EscrowState.REVERSAL_REFUSED || state == EscrowState.ADVICE_DECLINED) {
      return false; // left to an operator, who needs its failure: money may be held or owed
    }
    return state.isTerminal()
        || state == EscrowState.CAPTURED
        || state == EscrowState.PARTIALLY_REFUNDED;
  }
}
