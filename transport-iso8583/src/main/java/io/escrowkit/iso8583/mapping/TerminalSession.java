package io.escrowkit.iso8583.mapping;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The terminal's identity and session state for the channel's own messages: merchant and terminal
 * id (fields 42 and 41), the source of traces (field 11) for sign-on and echo, shared with the
 * escrow requests (pass the journal's {@code nextTrace}), and the current batch number (UnionPay
 * field 60.2), which a sign-on answer may change, and the clock of their transmission time.
 * Threadsafe.
 */
public final class TerminalSession {
  private static final long MAX_BATCH = 999_999;

  private final String merchantId;
  private final String terminalId;
  private final LongSupplier traces;
  private final AtomicLong batch;
  private final Clock clock;

  /**
   * @param batchNumber the batch to start with, 0 to 999999
   */
  public TerminalSession(
      String merchantId, String terminalId, LongSupplier traces, long batchNumber, Clock clock) {
    this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
    this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
    this.traces = Objects.requireNonNull(traces, "traces");
    this.batch = new AtomicLong(validBatch(batchNumber));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The clock of the channel messages' transmission time. */
  public Clock clock() {
    return clock;
  }

  public String merchantId() {
    return merchantId;
  }

  public String terminalId() {
    return terminalId;
  }

  /** The next trace for a channel message, 1 to 999999. */
  public long nextTrace() {
    long trace = traces.getAsLong();
    if (trace < 1 || trace > 999_999) {
      throw new IllegalStateException("trace source gave " + trace + ", outside 1 to 999999");
    }
    return trace;
  }

  /** The current batch number. */
  public long batchNumber() {
    return batch.get();
  }

  /** Moves to the batch the host named (in a sign-on answer). */
  public void batchNumber(long batchNumber) {
    batch.set(validBatch(batchNumber));
  }

  private static long validBatch(long batchNumber) {
    if (batchNumber < 0 || batchNumber > MAX_BATCH) {
      throw new IllegalArgumentException("batch number must be 0 to 999999, got " + batchNumber);
    }
    return batchNumber;
  }
}
