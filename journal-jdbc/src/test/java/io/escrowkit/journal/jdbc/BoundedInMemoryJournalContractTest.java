package io.escrowkit.journal.jdbc;

import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.spi.Journal;

/** Below its capacity a bounded in-memory journal keeps the whole contract. */
class BoundedInMemoryJournalContractTest extends JournalContractTest {
  @Override
  protected Journal openJournal() {
    return InMemoryJournal.withCapacity(10_000);
  }
}
