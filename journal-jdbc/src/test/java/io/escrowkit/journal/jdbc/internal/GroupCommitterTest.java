package io.escrowkit.journal.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.JournalFailureException;
import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.spi.JournalConflictException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitterTest {
  @TempDir Path dir;
  private Database database;
  private GroupCommitter writer;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void open() {
    String url = SqliteFiles.url(dir.resolve("g.db"));
    database =
        new Database(
            () -> DriverManager.getConnection(url),
            new SqliteDialect(),
            Durability.DURABLE,
            "g.db");
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
  void writesQueuedBehindACommitAreCommittedTogetherEachWithItsResult() throws Exception {
    CountDownLatch release = holdTheWriter();
    List<CompletableFuture<Integer>> results = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      int n = i;
      results.add(submitLater(() -> writer.submit("insert " + n, c -> insert(c, n))));
    }
    awaitQueued(5);

    release.countDown();

    for (int i = 0; i < 5; i++) {
      assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i + 1);
    }
    assertThat(rows()).isEqualTo(6);
  }

  @Test
  void aWriteThatFailsInAGroupFailsAloneAndTheOthersCommit() throws Exception {
    CountDownLatch release = holdTheWriter();
    AtomicInteger conflictingRuns = new AtomicInteger();
    List<CompletableFuture<Integer>> results = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      int n = i;
      results.add(submitLater(() -> writer.submit("insert " + n, c -> insert(c, n))));
    }
    CompletableFuture<Integer> conflicting =
        submitLater(
            () ->
                writer.submit(
                    "stale",
                    c -> {
                      conflictingRuns.incrementAndGet();
                      insert(c, 99);
                      throw new JournalConflictException("stale version");
                    }));
    awaitQueued(5);

    release.countDown();

    for (CompletableFuture<Integer> result : results) {
      assertThat(result.get(30, TimeUnit.SECONDS)).isPositive();
    }
    assertThatThrownBy(() -> conflicting.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(JournalConflictException.class);
    assertThat(conflictingRuns).as("in the group, then alone").hasValue(2);
    assertThat(rows()).as("the blocker and the four, not the stale write's row").isEqualTo(5);
  }

  @Test
  void aBusyDatabaseIsTriedAgain() {
    AtomicInteger runs = new AtomicInteger();

    Integer n =
        writer.submit(
            "busy once",
            c -> {
              if (runs.incrementAndGet() == 1) {
                throw new SQLException("database is locked", null, 5);
              }
              return insert(c, 7);
            });

    assertThat(n.intValue()).isEqualTo(7);
    assertThat(runs).hasValue(2);
  }

  @Test
  void aFailingStatementIsAJournalFailureNamingTheWrite() {
    assertThatThrownBy(() -> writer.submit("escrow esc_1 v1", c -> execute(c, "INSERT INTO nope")))
        .isInstanceOf(JournalFailureException.class)
        .hasMessageContaining("could not record escrow esc_1 v1");
    assertThat(writer.submit("after", c -> insert(c, 1)).intValue()).isEqualTo(1);
  }

  @Test
  void aClosedWriterRefusesWrites() {
    writer.close();

    assertThatThrownBy(() -> writer.submit("late", c -> insert(c, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  /** Starts a write that holds the writer until the returned latch is released. */
  private CountDownLatch holdTheWriter() throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    submitLater(
        () ->
            writer.submit(
                "blocker",
                c -> {
                  holding.countDown();
                  try {
                    release.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while holding the writer", e);
                  }
                  return insert(c, 1000);
                }));
    assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    return release;
  }

  private void awaitQueued(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (writer.queued() < count) {
      assertThat(System.nanoTime()).as("%d writes queued", count).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private <T> CompletableFuture<T> submitLater(java.util.concurrent.Callable<T> write) {
    CompletableFuture<T> result = new CompletableFuture<>();
    threads.execute(
        () -> {
          try {
            result.complete(write.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  private int rows() {
    return database.read(
        "count",
        c -> {
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
            r.next();
            return r.getInt(1);
          }
        });
  }

  private static int insert(Connection c, int n) throws SQLException {
    execute(c, "INSERT INTO t (n) VALUES (" + n + ")");
    return n;
  }

  private static Void execute(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
    return null;
  }
}
