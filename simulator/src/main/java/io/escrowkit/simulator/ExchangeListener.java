package io.escrowkit.simulator;

/**
 * Hears of every request the simulator reads: not of those whose layout does not decode, nor of
 * messages that are no request or advice, nor of a request whose answer could not be built, which
 * are only logged (a request laid out right whose values do not read is heard of as MALFORMED).
 * Called on the connection's thread after the books are updated and before the answer is written;
 * implementations must be threadsafe and quick, and must not throw.
 */
@FunctionalInterface
public interface ExchangeListener {
  void onExchange(Exchange exchange);
}
