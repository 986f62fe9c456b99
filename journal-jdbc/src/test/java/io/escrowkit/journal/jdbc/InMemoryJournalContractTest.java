package io.escrowkit.journal.jdbc;

import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.spi.Journal;

/** The contract on the core's in-memory journal: the reference the durable ones must match. */
class InMemoryJournalContractTest extends JournalContractTest {
  @Override
  protected Journal openJournal() {
    return new InMemoryJournal();
  }
}
