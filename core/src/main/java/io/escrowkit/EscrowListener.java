package io.escrowkit;

/**
 * Sees every state change of every escrow, after it is journaled. Called on the client's worker
 * threads; must be threadsafe and quick. An exception thrown here is logged and does not affect
 * the escrow.
 */
@FunctionalInterface
public interface EscrowListener {
  void onTransition(TransitionEvent event);
}
