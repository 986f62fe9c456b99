package io.escrowkit;

/**
 * Sees every state change of every escrow, after it is journaled. Called on the client's worker
 * threads, or on the application's thread that waits in a blocking {@code execute()} (which
 * records the answers to its own requests); must be threadsafe and quick, and must not wait for
 * another escrow operation. An exception thrown here is logged and does not affect the escrow.
 */
@FunctionalInterface
public interface EscrowListener {
  void onTransition(TransitionEvent event);
}
