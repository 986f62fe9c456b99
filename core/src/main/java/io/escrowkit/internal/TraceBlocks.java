package io.escrowkit.internal;

import io.escrowkit.spi.Journal;
import io.escrowkit.spi.TraceBlock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The client's trace numbers, drawn from the journal a block at a time per terminal and handed
 * out in order (block size 1, the default: one draw per request). The journal commits each block
 * before a number of it is used, so numbers stay unique across restarts and across clients
 * sharing the journal; what a client leaves of its block when it stops is skipped. A block not
 * used up within {@link #MAX_AGE} is dropped: on a journal shared by busy clients the counter
 * could otherwise wrap past a number still waiting in it. Threadsafe.
 */
final class TraceBlocks {
  static final Duration MAX_AGE = Duration.ofMinutes(1);

  private final Journal journal;
  private final int size;
  private final Clock clock;
  private final Map<String, Block> blocks = new HashMap<>();

  /** {@code size} as {@link EngineConfig#traceBlock()} checked it: 1 to 1000. */
  TraceBlocks(Journal journal, int size, Clock clock) {
    this.journal = journal;
    this.size = size;
    this.clock = clock;
  }

  /** The terminal's next trace number; draws a new block when the last is used up or too old. */
  synchronized long next(String terminalId) {
    Instant now = clock.instant();
    Block block = blocks.get(terminalId);
    if (block == null || block.next == block.traces.length || block.tooOld(now)) {
      block = new Block(draw(terminalId), now);
      blocks.put(terminalId, block);
    }
    return block.traces[block.next++];
  }

  private long[] draw(String terminalId) {
    long[] traces = journal.nextTraces(terminalId, size);
    if (traces.length != size) {
      throw new IllegalStateException("the journal drew " + traces.length + " trace numbers for "
          + terminalId + "; " + size + " were asked for");
    }
    for (long trace : traces) {
      if (trace < 1 || trace > TraceBlock.MAX_TRACE) {
        throw new IllegalStateException("the journal drew trace number " + trace + " for "
            + terminalId + "; trace numbers are 1 to " + TraceBlock.MAX_TRACE);
      }
    }
    return traces;
  }

  private static final class Block {
    final long[] traces;
    final Instant drawnAt;
    int next;

    Block(long[] traces, Instant drawnAt) {
      this.traces = traces;
      this.drawnAt = drawnAt;
    }

    boolean tooOld(Instant now) {
      return now.isAfter(drawnAt.plus(MAX_AGE)) || now.isBefore(drawnAt);
    }
  }
}
