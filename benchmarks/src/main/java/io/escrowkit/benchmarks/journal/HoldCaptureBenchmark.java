package io.escrowkit.benchmarks.journal;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.Journal;
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

/**
 * A whole escrow, hold then capture, through the client and the in-memory transport: with the
 * in-memory journal (no durability), and with the SQLite journal relaxed and durable. The ratio is
 * the cost of durability per escrow (each escrow commits six times: a trace, the intent and the
 * outcome, for the hold and for the capture; about four with trace numbers drawn 16 at a time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HoldCaptureBenchmark {
  @Param({"in-memory", "sqlite-relaxed", "sqlite-durable"})
  public String journalKind;

  /** Trace numbers drawn per journal transaction ({@code EscrowClientBuilder.traceBlock}). */
  @Param({"1", "16"})
  public int traceBlock;

  private final AtomicLong references = new AtomicLong();
  private final CardData card = TestCards.unionPayChip();
  private final Money hold = Money.of("128.00", "CNY");
  private final Money capture = Money.of("100.00", "CNY");
  private TempJournals files;
  private Journal journal;
  private EscrowClient client;

  @Setup(Level.Trial)
  public void open() {
    files = new TempJournals();
    switch (journalKind) {
      case "in-memory":
        journal = InMemoryJournal.withCapacity(4096); // bounded: retention is not what this measures
        break;
      case "sqlite-relaxed":
        journal = files.open(Durability.RELAXED, 64);
        break;
      default:
        journal = files.open(Durability.DURABLE, 64);
    }
    client =
        EscrowClient.builder()
            .merchant("898310048990001", "10000001")
            .transport(InMemoryTransport.approvingAll())
            .journal(journal)
            .traceBlock(traceBlock)
            .build();
  }

  @TearDown(Level.Trial)
  public void close() {
    client.close();
    journal.close();
    files.close();
  }

  @Benchmark
  public Escrow holdThenCapture() {
    Escrow held =
        client.hold(hold).reference("room-" + references.incrementAndGet()).card(card).execute();
    return held.capture(capture).execute();
  }
}
