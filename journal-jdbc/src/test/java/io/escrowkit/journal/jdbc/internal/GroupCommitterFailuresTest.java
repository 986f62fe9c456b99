package io.escrowkit.journal.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.JournalFailureException;
import io.escrowkit.journal.jdbc.Durability;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures that get past a write's own handling (an Error in a write, the writer connection failing
 * to open): no write of the group seems committed, and nothing half-written is committed later.
 */
class GroupCommitterFailuresTest {
  @TempDir Path dir;
  private final AtomicBoolean refuseConnections = new AtomicBoolean();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private Database database;
  private GroupCommitter writer;

  @BeforeEach
  void open() {
    String url = SqliteFiles.url(dir.resolve("f.db"));
    database =
        new Database(
            () -> {
              if (refuseConnections.get()) {
                throw new IllegalStateException("test: the pool has no connection to give");
              }
              return DriverManager.getConnection(url);
            },
            new SqliteDialect(),
            Durability.DURABLE,
            "f.db");
    writer = new GroupCommitter(database, 64);
    writer.submit("create", c -> execute(c, "CREATE TABLE t (n INTEGER PRIMARY KEY)"));
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    writer.close();
    database.close();
  }

  @Test
  void anErrorInOneWriteFailsEveryWriteOfItsGroupAndCommitsNoneOfThem() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> blocker = holdingTheWriter(release, c -> insert(c, 100));
    CompletableFuture<Object> fine = submitLater(() -> writer.submit("fine", c -> insert(c, 1)));
    CompletableFuture<Object> dying = submitLater(() -> writer.submit("dying", c -> {
      insert(c, 2);
      throw new StackOverflowError("test: a write that dies half-way");
    }));
    awaitQueued(2);

    release.countDown();

    assertThat(blocker.get(30, TimeUnit.SECONDS)).isEqualTo(100);
    for (CompletableFuture<Object> write : List.of(fine, dying)) {
      assertThat(write.get(30, TimeUnit.SECONDS))
          .isInstanceOf(JournalFailureException.class)
          .asString()
          .contains("StackOverflowError");
    }
    writer.submit("after", c -> insert(c, 3));
    assertThat(rows()).containsExactly(3, 100);
  }

  @Test
  void aWriterThatCannotBeReopenedFailsEveryQueuedWrite() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> breaking = holdingTheWriter(release, c -> {
      c.close(); // its commit fails, and the writer is dropped
      return 0;
    });
    List<CompletableFuture<Object>> queued = List.of(
        submitLater(() -> writer.submit("first", c -> insert(c, 1))),
        submitLater(() -> writer.submit("second", c -> insert(c, 2))));
    awaitQueued(2);
    refuseConnections.set(true);

    release.countDown();

    assertThat(breaking.get(30, TimeUnit.SECONDS)).isInstanceOf(JournalFailureException.class);
    for (CompletableFuture<Object> write : queued) {
      assertThat(write.get(30, TimeUnit.SECONDS))
          .isInstanceOf(JournalFailureException.class)
          .asString()
          .contains("no connection to give");
    }
  }

  /**
   * A write, on another thread, that holds the writer until {@code release} and then runs {@code
   * then}; returns once it holds it, so that writes submitted next queue behind it.
   */
  private CompletableFuture<Object> holdingTheWriter(
      CountDownLatch release, SqlFunction<Object> then) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Object> write = submitLater(() -> writer.submit("holding", c -> {
      started.countDown();
      await(release);
      return then.apply(c);
    }));
    if (!started.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the holding write never started");
    }
    return write;
  }

  /** Runs {@code write} on another thread; completes with its result or what it threw. */
  private CompletableFuture<Object> submitLater(java.util.concurrent.Callable<Object> write) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return write.call();
      } catch (Throwable thrown) {
        return thrown;
      }
    }, threads);
  }

  private void awaitQueued(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (writer.queued() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never " + count + " queued, " + writer.queued());
      }
      Thread.onSpinWait();
    }
  }

  private List<Integer> rows() {
    return database.read("rows", c -> {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT n FROM t ORDER BY n")) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        while (r.next()) {
          out.add(r.getInt(1));
        }
        return out;
      }
    });
  }

  private static Object insert(Connection c, int n) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO t (n) VALUES (" + n + ")");
    }
    return n;
  }

  private static Void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    return null;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
