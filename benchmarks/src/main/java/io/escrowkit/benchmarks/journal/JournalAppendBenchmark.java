package io.escrowkit.benchmarks.journal;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.PendingRequest;
import io.escrowkit.TransitionEvent;
import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.spi.JournalWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Journal appends per second on SQLite: durable ({@code synchronous=FULL}) against relaxed ({@code
 * NORMAL}), one commit per write against group commit, with 8 threads writing at once (a service's
 * worth of concurrent escrows; a lone terminal gains nothing from grouping). Each append is what a
 * hold's intent records: a new escrow snapshot and its first transition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class JournalAppendBenchmark {
  private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

  @Param({"DURABLE", "RELAXED"})
  public Durability durability;

  @Param({"1", "64"})
  public int groupCommit;

  private final AtomicLong ids = new AtomicLong();
  private TempJournals files;
  private JdbcJournal journal;

  @Setup(Level.Trial)
  public void open() {
    files = new TempJournals();
    journal = files.open(durability, groupCommit);
  }

  @TearDown(Level.Trial)
  public void close() {
    journal.close();
    files.close();
  }

  @Benchmark
  public void appendHoldIntent() {
    String id = "esc_" + ids.incrementAndGet();
    PendingRequest hold =
        new PendingRequest(
            Operation.HOLD, "op_" + id, "key_" + id, Money.ofMinor(12_800, "CNY"), false, 1, T0);
    EscrowSnapshot snapshot =
        new EscrowSnapshot(
            id,
            "room-" + id,
            "898310048990001",
            "10000001",
            "620000******0005",
            "tok",
            "UnionPay",
            EscrowState.HOLD_PENDING,
            Money.ofMinor(12_800, "CNY"),
            List.of(),
            Money.ofMinor(0, "CNY"),
            T0,
            T0,
            T0.plus(Duration.ofDays(30)),
            Map.of(),
            Optional.of(hold),
            Optional.empty(),
            1);
    journal.write(
        JournalWrite.of(
            snapshot,
            new TransitionEvent(
                id, 1, Optional.empty(), EscrowState.HOLD_PENDING, "hold requested", T0)));
  }
}
