package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.JournalFailureException;
import io.escrowkit.spi.JournalConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs every write of the journal on its one writer connection, committing writes that arrive
 * together in one transaction (group commit) without weakening durability: {@link #submit} returns
 * only after the commit that holds its write, so with {@code synchronous=FULL} one sync covers the
 * whole group. If one write of a group fails (a version conflict, say), the group is rolled back
 * and each of its writes runs again in a transaction of its own, so the failure is that write's
 * alone and the others still commit.
 *
 * <p>No thread of its own: the first caller to get the writer lock commits everything queued by
 * then (leader), the others wait for it and find their write done (followers). Deadlocks and
 * serialization failures are retried with the whole group. Threadsafe.
 */
public final class GroupCommitter implements AutoCloseable {
  private static final int MAX_ATTEMPTS = 5;

  private final Database database;
  private final int maxBatch;
  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Slot<?>> queue = new ConcurrentLinkedQueue<>();
  private Connection writer; // guarded by lock
  private boolean closed; // guarded by lock

  /** One queued write and, once committed or failed, its outcome. */
  private static final class Slot<T> {
    final String what;
    final SqlFunction<T> task;
    T value;
    RuntimeException error;
    volatile boolean done;

    Slot(String what, SqlFunction<T> task) {
      this.what = what;
      this.task = task;
    }

    T outcome() {
      if (error != null) {
        throw error;
      }
      return value;
    }
  }

  public GroupCommitter(Database database, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
    }
    this.database = database;
    this.maxBatch = maxBatch;
  }

  /**
   * Runs {@code task} in a write transaction and returns its result once committed.
   *
   * @throws JournalConflictException as thrown by the task; nothing of the task is applied
   * @throws JournalFailureException when the write could not be committed
   */
  public <T> T submit(String what, SqlFunction<T> task) {
    Slot<T> slot = new Slot<>(what, task);
    queue.add(slot);
    while (!slot.done) {
      lock.lock();
      try {
        if (!slot.done) {
          commitNextBatch();
        }
      } finally {
        lock.unlock();
      }
    }
    return slot.outcome();
  }

  /** Writes waiting for a commit (for tests and diagnostics). */
  int queued() {
    return queue.size();
  }

  private void commitNextBatch() {
    List<Slot<?>> batch = new ArrayList<>();
    while (batch.size() < maxBatch) {
      Slot<?> next = queue.poll();
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    List<Slot<?>> unsettled = batch;
    try {
      if (closed) {
        failAll(
            batch, new IllegalStateException("journal " + database.description() + " is closed"));
        return;
      }
      if (batch.size() > 1 && withRetries(batch, () -> runTogether(batch))) {
        return;
      }
      // One write of the group failed, and the group was rolled back: each write on its own.
      for (int i = 0; i < batch.size(); i++) {
        unsettled = batch.subList(i, batch.size());
        Slot<?> slot = batch.get(i);
        withRetries(List.of(slot), () -> runTogether(List.of(slot)));
      }
    } catch (RuntimeException | Error unexpected) {
      // Thrown past the handling above (an Error in a write, or the writer failing to open):
      // whatever the open transaction holds is dropped with its connection, never committed by a
      // later write, and every write not yet committed fails, the leader's too, rather than
      // seeming done.
      failAll(unsettled, new JournalFailureException(
          "journal " + database.description() + " could not commit " + describe(unsettled)
              + ": " + unexpected, unexpected));
      discardWriter(unexpected); // after: the writes are failed even if closing throws too
    } finally {
      for (Slot<?> slot : batch) {
        slot.done = true;
      }
    }
  }

  /** A transaction over some slots; true if it committed, false if a slot failed. */
  private interface Attempt {
    boolean run() throws SQLException;
  }

  /**
   * Runs the attempt, again after a deadlock or serialization failure; a failure to commit fails
   * every slot (its outcome may be unknown, so nothing is tried again). True if committed.
   */
  private boolean withRetries(List<Slot<?>> slots, Attempt attempt) {
    for (int tries = 1; ; tries++) {
      try {
        return attempt.run();
      } catch (SQLException e) {
        if (database.dialect().isTransient(e) && tries < MAX_ATTEMPTS) {
          continue;
        }
        discardWriter(e);
        failAll(
            slots,
            new JournalFailureException(
                "journal " + database.description() + " could not commit " + describe(slots),
                database.failure(describe(slots), e)));
        return true;
      }
    }
  }

  /**
   * Runs the slots in one transaction and commits it if every slot succeeded; otherwise rolls it
   * back and returns false, leaving the failed slot's error in place (a lone slot is then done; a
   * group is run again slot by slot).
   */
  private boolean runTogether(List<Slot<?>> slots) throws SQLException {
    Connection connection = writer();
    Dialect dialect = database.dialect();
    dialect.begin(connection);
    try {
      for (Slot<?> slot : slots) {
        if (!run(connection, slot)) {
          dialect.rollback(connection);
          return slots.size() == 1;
        }
      }
      dialect.commit(connection);
      return true;
    } catch (SQLException | RuntimeException e) {
      try {
        dialect.rollback(connection);
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  /** Runs one slot's task; false (with the slot's error set) if it failed. */
  private <T> boolean run(Connection connection, Slot<T> slot) throws SQLException {
    slot.value = null;
    slot.error = null;
    try {
      slot.value = slot.task.apply(connection);
      return true;
    } catch (SQLException e) {
      if (database.dialect().isTransient(e)) {
        throw e;
      }
      slot.error =
          new JournalFailureException(
              "journal " + database.description() + " could not record " + slot.what,
              database.failure(slot.what, e));
    } catch (RuntimeException e) {
      slot.error = e;
    }
    return false;
  }

  private Connection writer() throws SQLException {
    if (writer == null) {
      writer = database.openWriter();
    }
    return writer;
  }

  /** Drops the writer connection after a failure, so that the next write starts afresh. */
  private void discardWriter(Throwable cause) {
    if (writer != null) {
      Database.closeQuietlyInto(writer, cause);
      writer = null;
    }
  }

  private static void failAll(List<Slot<?>> batch, RuntimeException error) {
    for (Slot<?> slot : batch) {
      slot.value = null;
      slot.error = error;
    }
  }

  private static String describe(List<? extends Slot<?>> batch) {
    return batch.size() == 1
        ? batch.get(0).what
        : batch.size() + " writes (" + batch.get(0).what + ", ...)";
  }

  /** Closes the writer connection; writes submitted afterwards fail. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (writer != null) {
        Connection closing = writer;
        writer = null;
        try {
          closing.close();
        } catch (SQLException e) {
          throw database.failure("closing the writer", e);
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
