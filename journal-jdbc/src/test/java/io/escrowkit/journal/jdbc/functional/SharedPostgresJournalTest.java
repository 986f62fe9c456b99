package io.escrowkit.journal.jdbc.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.SchemeProfile;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.journal.jdbc.testing.Clients;
import io.escrowkit.journal.jdbc.testing.JournalEngine;
import io.escrowkit.journal.jdbc.testing.Transitions;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.HostLedger;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one PostgreSQL journal and one acquirer. Instance A takes reversals and
 * vanishes before they reach the host; instance B takes them over when A's leases lapse and sends
 * each exactly once. The host's books agree with the journal.
 */
class SharedPostgresJournalTest {
  private static final int IN_DOUBT = 12;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final InMemoryTransport host = InMemoryTransport.approvingAll();
  private final ScheduledExecutorService schedulerA = Executors.newScheduledThreadPool(2);
  private final ScheduledExecutorService schedulerB = Executors.newScheduledThreadPool(2);
  private final Transitions eventsB = new Transitions();
  private JournalEngine engine;
  private JdbcJournal journalA;
  private JdbcJournal journalB;

  /** Carries everything to the host except reversals, which it takes and never delivers. */
  private static final class SwallowingReversals implements Transport {
    private final Transport host;
    private final CountDownLatch firstReversal = new CountDownLatch(1);
    private final List<String> taken = new ArrayList<>();

    SwallowingReversals(Transport host) {
      this.host = host;
    }

    @Override
    public String name() {
      return "swallowing-reversals";
    }

    @Override
    public CompletableFuture<TransportOutcome> send(TransportRequest request) {
      if (request.type() != RequestType.REVERSAL) {
        return host.send(request);
      }
      synchronized (this) {
        taken.add(request.escrowId());
      }
      firstReversal.countDown();
      return new CompletableFuture<>();
    }
  }

  @BeforeEach
  void start() {
    engine = JournalEngine.postgres();
    journalA = engine.open();
    journalB = engine.open();
  }

  @AfterEach
  void stop() {
    schedulerA.shutdownNow();
    schedulerB.shutdownNow();
    if (journalB == null) {
      return; // skipped: no database
    }
    try {
      journalA.close();
      journalB.close();
    } finally {
      engine.close();
    }
  }

  @Test
  void reversalsAVanishedInstanceHeldAreFinishedOnceByTheOther() throws Exception {
    SwallowingReversals toHostA = new SwallowingReversals(host);
    // A backend instance, not a terminal: it keeps taking holds while its reversals are owed
    // (UnionPay's reversal-first rule is for a terminal's own sequence of requests).
    EscrowClient clientA = Clients.builder(journalA, toHostA, schedulerA, 1)
        .profile(SchemeProfile.unionPay().toBuilder().reversalFirst(false).build())
        .build();
    EscrowClient clientB =
        Clients.builder(journalB, host, schedulerB, 2)
            .recoveryInterval(Duration.ofMillis(100))
            .listener(eventsB)
            .build();
    List<String> escrows = new ArrayList<>();
    for (int i = 0; i < IN_DOUBT; i++) {
      host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
      Escrow inDoubt =
          clientA
              .hold(Money.of("88.00", "CNY"))
              .reference("room-" + i)
              .card(TestCards.unionPayChip())
              .execute();
      assertThat(inDoubt.state()).isEqualTo(EscrowState.IN_DOUBT);
      escrows.add(inDoubt.id());
    }
    assertThat(toHostA.firstReversal.await(30, TimeUnit.SECONDS)).isTrue();

    schedulerA.shutdownNow(); // instance A vanishes with its claimed reversals in flight
    clientA.close();
    journalA.close();

    for (String escrowId : escrows) {
      eventsB.awaitState(escrowId, EscrowState.REVERSED, WAIT);
    }
    assertThat(toHostA.taken).as("A had claimed work when it vanished").isNotEmpty();
    assertThat(host.received(RequestType.REVERSAL))
        .as("each reversal reached the host once")
        .isEqualTo(IN_DOUBT);
    assertThat(host.reversalsApplied()).isEqualTo(IN_DOUBT);
    for (String escrowId : escrows) {
      HostLedger.Entry entry = host.ledger().entry(escrowId).get();
      assertThat(entry.holdActive()).as("hold of %s", escrowId).isFalse();
      assertThat(journalB.find(escrowId).get().state()).isEqualTo(EscrowState.REVERSED);
    }
    assertThat(journalB.pendingWork()).isEmpty();
    assertThat(journalB.findByStates(EnumSet.of(EscrowState.IN_DOUBT))).isEmpty();
    clientB.close();
  }
}
