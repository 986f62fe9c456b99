package io.escrowkit.internal;

import io.escrowkit.spi.Journal;
import java.util.HashMap;
import java.util.Map;

/**
 * The client's trace numbers, drawn from the journal {@value #BLOCK} at a time per terminal and
 * handed out in order: one journal transaction per {@value #BLOCK} requests instead of one per
 * request. The journal commits each block before a number of it is used, so numbers stay unique
 * across restarts and across clients sharing the journal; what a client leaves of its block when
 * it stops is skipped. Threadsafe.
 */
final class TraceBlocks {
  static final int BLOCK = 16;

  private final Journal journal;
  private final Map<String, Block> blocks = new HashMap<>();

  TraceBlocks(Journal journal) {
    this.journal = journal;
  }

  /** The terminal's next trace number; draws a new block from the journal when one is used up. */
  synchronized long next(String terminalId) {
    Block block = blocks.get(terminalId);
    if (block == null || block.next == block.traces.length) {
      block = new Block(journal.nextTraces(terminalId, BLOCK));
      blocks.put(terminalId, block);
    }
    return block.traces[block.next++];
  }

  private static final class Block {
    final long[] traces;
    int next;

    Block(long[] traces) {
      if (traces.length == 0) {
        throw new IllegalStateException("the journal drew no trace numbers");
      }
      this.traces = traces;
    }
  }
}
