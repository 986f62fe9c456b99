package io.escrowkit.journal.jdbc.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.OperationStatus;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.journal.jdbc.testing.Clients;
import io.escrowkit.journal.jdbc.testing.Transitions;
import io.escrowkit.memory.HostLedger;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's promise under {@code kill -9}: a child JVM runs escrows on a durable SQLite journal
 * against a host in this JVM and is killed at random moments, again and again; each life recovers
 * what the last left. At the end a last recovery finishes all owed work, and then the host's ledger
 * and the journal agree on every escrow: no hold left frozen, no capture lost or applied twice, and
 * every idempotency key the child was answered on answers the same again (without a new request to
 * the host).
 *
 * <p>{@code -Descrowkit.crash.kills=N} sets the number of kills (50 by default, the CI run; see
 * README.md for the longer run), {@code -Descrowkit.crash.seed=S} the kill timing.
 */
class CrashTest {
  private static final int KILLS = Integer.getInteger("escrowkit.crash.kills", 50);
  private static final long SEED = Long.getLong("escrowkit.crash.seed", 20_261_125L);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Set<EscrowState> UNSETTLED =
      EnumSet.of(
          EscrowState.HOLD_PENDING,
          EscrowState.CAPTURE_PENDING,
          EscrowState.RELEASE_PENDING,
          EscrowState.VOID_PENDING,
          EscrowState.REFUND_PENDING,
          EscrowState.IN_DOUBT);

  @TempDir Path dir;

  @Test
  void killedAtRandomTheClientNeitherLosesNorDoublesAnything() throws Exception {
    long started = System.nanoTime();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    Path journalFile = dir.resolve("journal.db");
    Path keyLog = dir.resolve("keys.log");
    Random timing = new Random(SEED);
    int inDoubtAtStarts = 0;
    try (HostBridge bridge = new HostBridge(host);
        Writer childLog = ChildProcess.logFile(dir.resolve("children.log"))) {
      for (int life = 1; life <= KILLS; life++) {
        ChildProcess child =
            ChildProcess.start(dir, journalFile, bridge.port(), keyLog, childLog, life);
        try {
          if (timing.nextInt(5) == 0) {
            child.runFor(timing.nextInt(900)); // may hit start-up, schema creation, recovery
          } else {
            child.awaitReady(WAIT);
            child.runFor(50 + timing.nextInt(1200));
          }
        } catch (AssertionError failed) {
          child.kill();
          throw new AssertionError(
              failed.getMessage() + "\n" + tail(dir.resolve("children.log")), failed);
        }
        child.kill();
        inDoubtAtStarts += child.inDoubtAtStart();
      }
      assertThat(bridge.failures()).isEmpty();
      List<KeyLog.Entry> answered = KeyLog.read(keyLog);
      Summary summary = recoverAndCompare(host, bridge, journalFile, answered);
      System.out.printf(
          "crash test: %d kills, %d escrows, %d answered operations replayed,"
              + " %d requests found in doubt at start-up, %d finished by the last recovery,"
              + " %d connections cut mid-request, %d s%n",
          KILLS,
          summary.escrows,
          answered.size(),
          inDoubtAtStarts,
          summary.finishedAtEnd,
          bridge.connectionsCut(),
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
      assertThat(answered.size()).as("the children got work done").isGreaterThan(KILLS);
      assertThat(inDoubtAtStarts + summary.finishedAtEnd)
          .as("kills hit requests in flight, and recovery reversed them")
          .isPositive();
    }
  }

  private record Summary(int escrows, int finishedAtEnd) {}

  private Summary recoverAndCompare(
      InMemoryTransport host, HostBridge bridge, Path journalFile, List<KeyLog.Entry> answered)
      throws Exception {
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    Transitions events = new Transitions();
    try (JdbcJournal journal = JdbcJournal.sqlite(journalFile)) {
      List<String> unsettled =
          journal.findByStates(UNSETTLED).stream().map(EscrowSnapshot::id).toList();
      // A minute later by its clock, every request the children left is past its deadline.
      try (EscrowClient client =
          Clients.builder(journal, host, scheduler, 7)
              .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)))
              .listener(events)
              .recoveryInterval(Duration.ofMillis(200))
              .build()) {
        for (String escrowId : unsettled) {
          events.await(
              e -> e.escrowId().equals(escrowId) && !UNSETTLED.contains(e.to()),
              WAIT,
              escrowId + " settled");
        }
        assertThat(journal.pendingWork()).as("work owed").isEmpty();
        assertThat(journal.findByStates(UNSETTLED)).as("escrows unsettled").isEmpty();
        List<EscrowSnapshot> escrows = journal.findByStates(EnumSet.allOf(EscrowState.class));
        assertLedgerAgrees(host.ledger(), journal, escrows);
        assertThat(escrows.stream().map(EscrowSnapshot::id).collect(Collectors.toSet()))
            .as("every escrow the host saw is in the journal")
            .containsAll(bridge.escrowsSeen());
        assertAnswersTheSame(client, host, answered);
        assertThat(journal.check().problems()).isEmpty();
        return new Summary(escrows.size(), unsettled.size());
      }
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static void assertLedgerAgrees(
      HostLedger ledger, JdbcJournal journal, List<EscrowSnapshot> escrows) {
    long journalCaptured = 0;
    for (EscrowSnapshot escrow : escrows) {
      Optional<HostLedger.Entry> onHost = ledger.entry(escrow.id());
      Money zero = Money.zero(escrow.held().currency());
      assertThat(onHost.map(HostLedger.Entry::holdActive).orElse(false))
          .as(
              "hold of %s frozen on the host %s; journal: %s",
              escrow.id(), onHost, journal.history(escrow.id()))
          .isEqualTo(!escrow.remainingHold().isZero());
      assertThat(onHost.map(HostLedger.Entry::captured).orElse(zero))
          .as("captured on the host for %s; journal: %s", escrow.id(), journal.history(escrow.id()))
          .isEqualTo(escrow.captured());
      assertThat(onHost.map(HostLedger.Entry::refunded).orElse(zero))
          .as("refunded on the host for %s; journal: %s", escrow.id(), journal.history(escrow.id()))
          .isEqualTo(escrow.refunded());
      journalCaptured += escrow.captured().minorUnits();
    }
    assertThat(ledger.capturedMinorUnits()).as("captured in all").isEqualTo(journalCaptured);
  }

  /** Asks again with every key the children were answered on; nothing new reaches the host. */
  private static void assertAnswersTheSame(
      EscrowClient client, InMemoryTransport host, List<KeyLog.Entry> answered) {
    Map<RequestType, Integer> before = received(host);
    for (KeyLog.Entry entry : answered) {
      Money amount = Money.ofMinor(entry.amountMinor(), CrashChild.CURRENCY);
      EscrowResult again;
      switch (entry.kind()) {
        case "HOLD":
          again =
              client
                  .hold(amount)
                  .reference(entry.reference())
                  .card(TestCards.unionPayChip())
                  .idempotencyKey(entry.key())
                  .execute()
                  .result()
                  .get();
          break;
        case "CAPTURE":
          again =
              client
                  .escrow(entry.escrowId())
                  .get()
                  .capture(amount)
                  .idempotencyKey(entry.key())
                  .execute()
                  .result()
                  .get();
          break;
        case "RELEASE":
          again =
              client
                  .escrow(entry.escrowId())
                  .get()
                  .release()
                  .idempotencyKey(entry.key())
                  .execute()
                  .result()
                  .get();
          break;
        default:
          again =
              client
                  .escrow(entry.escrowId())
                  .get()
                  .refund(amount)
                  .idempotencyKey(entry.key())
                  .execute()
                  .result()
                  .get();
      }
      assertThat(again).as("key %s", entry.key()).isEqualTo(replayOf(client, entry.result()));
    }
    assertThat(received(host)).as("requests to the host").isEqualTo(before);
  }

  /**
   * What a key's first result replays as: itself, but an in-doubt one with the escrow as it is now
   * while that still tells how the request ended (see EscrowResult): still pending with it, a
   * reversed hold, or only its ending written since.
   */
  private static EscrowResult replayOf(EscrowClient client, EscrowResult first) {
    if (first.status() != OperationStatus.IN_DOUBT) {
      return first;
    }
    EscrowSnapshot now = client.escrow(first.escrowId()).get().snapshot();
    boolean stillAbout = now.pending()
            .map(p -> p.idempotencyKey().equals(first.idempotencyKey())).orElse(false)
        || !now.pending().isPresent() && now.version() == first.snapshot().version() + 1
        || first.operation() == io.escrowkit.Operation.HOLD && now.state() == EscrowState.REVERSED;
    return stillAbout
        ? new EscrowResult(first.escrowId(), first.operation(), first.status(), now,
            first.failure(), first.responseCode(), first.idempotencyKey())
        : first;
  }

  private static Map<RequestType, Integer> received(InMemoryTransport host) {
    Map<RequestType, Integer> counts = new EnumMap<>(RequestType.class);
    for (RequestType type : RequestType.values()) {
      counts.put(type, host.received(type));
    }
    return counts;
  }

  private static String tail(Path log) throws java.io.IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }
}
