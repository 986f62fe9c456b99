package io.escrowkit.simulator;

/**
 * Hears of every request the simulator handles. Called on the connection's thread after the books
 * are updated and before the answer is written; implementations must be threadsafe and quick, and
 * must not throw.
 */
@FunctionalInterface
public interface ExchangeListener {
  void onExchange(Exchange exchange);
}
