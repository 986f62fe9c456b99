package io.escrowkit.simulator.internal;

/** What identifies a request at its terminal: fields 41, 42 and 11. */
record Trace(String terminalId, String merchantId, String stan) {}
