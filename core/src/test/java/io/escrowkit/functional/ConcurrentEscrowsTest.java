package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.TransitionEvent;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.FaultPlan;
import io.escrowkit.memory.HostLedger;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.testing.Fixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 1,000 escrows driven from eight threads through a transport that loses, breaks or corrupts 5%
 * of requests (reversals included). Afterwards nothing is pending or in doubt, every in-doubt
 * request was reversed exactly once, and the client's books agree with the host's.
 */
class ConcurrentEscrowsTest {
  private static final int ESCROWS = 1_000;
  private static final Money HOLD = Money.of("100.00", "CNY");
  private static final Money CAPTURE = Money.of("80.00", "CNY");

  @Test
  void thousandEscrowsUnderFaultsEndSettledAndAgreeWithTheHost() throws Exception {
    FaultPlan faults = FaultPlan.randomly(new Random(7), 0.05, List.of(Fault.REQUEST_LOST,
        Fault.RESPONSE_LOST, Fault.CONNECTION_RESET, Fault.BAD_MAC, Fault.HANG));
    InMemoryTransport transport = InMemoryTransport.create(faults, request ->
        request.type() == RequestType.HOLD && request.trace() % 50 == 0
            ? Optional.of("51") : Optional.empty());
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (Fixture fixture = new Fixture(transport)) {
      List<CompletableFuture<Escrow>> runs = new ArrayList<>();
      for (int i = 0; i < ESCROWS; i++) {
        int n = i;
        runs.add(CompletableFuture.supplyAsync(() -> n, callers)
            .thenCompose(k -> fixture.client.hold(HOLD).reference("r-" + k)
                .card(TestCards.unionPayChip()).executeAsync())
            .thenCompose(held -> {
              if (held.state() != EscrowState.HELD) {
                return CompletableFuture.completedFuture(held);
              }
              return n % 3 == 0 ? held.release().executeAsync()
                  : held.capture(CAPTURE).executeAsync();
            }));
      }
      CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0])).get(2, TimeUnit.MINUTES);

      List<String> ids = new ArrayList<>();
      for (CompletableFuture<Escrow> run : runs) {
        ids.add(run.get().id());
      }
      for (String id : ids) {
        for (TransitionEvent event : fixture.journal.history(id)) {
          if (event.to() == EscrowState.IN_DOUBT) {
            fixture.events.awaitLeaving(id, EscrowState.IN_DOUBT, Duration.ofSeconds(60));
          }
        }
      }

      long clientCaptured = 0;
      int inDoubtEpisodes = 0;
      for (String id : ids) {
        EscrowSnapshot escrow = fixture.journal.find(id).get();
        assertThat(escrow.state().isPending() || escrow.state() == EscrowState.IN_DOUBT)
            .as("escrow %s settled", id).isFalse();
        List<TransitionEvent> history = fixture.journal.history(id);
        long intoDoubt = history.stream().filter(e -> e.to() == EscrowState.IN_DOUBT).count();
        long reversed = history.stream()
            .filter(e -> e.cause().startsWith("reversal acknowledged")).count();
        assertThat(reversed).as("reversals of %s", id).isEqualTo(intoDoubt);
        inDoubtEpisodes += intoDoubt;
        clientCaptured += escrow.captured().minorUnits();
        Optional<HostLedger.Entry> host = transport.ledger().entry(id);
        assertThat(host.map(HostLedger.Entry::captured).orElse(Money.zero(HOLD.currency())))
            .as("host capture of %s", id).isEqualTo(escrow.captured());
        if (EnumSet.of(EscrowState.REVERSED, EscrowState.RELEASED, EscrowState.DECLINED,
            EscrowState.CAPTURED).contains(escrow.state())) {
          assertThat(host.map(HostLedger.Entry::holdActive).orElse(false))
              .as("host hold of %s (%s)", id, escrow.state()).isFalse();
        }
      }
      assertThat(clientCaptured).isEqualTo(transport.ledger().capturedMinorUnits());
      assertThat(inDoubtEpisodes).as("faults were injected").isGreaterThan(20);
      assertThat(transport.reversalsApplied()).isLessThanOrEqualTo(inDoubtEpisodes);
      assertThat(fixture.journal.pendingWork()).isEmpty();
    } finally {
      callers.shutdownNow();
    }
  }
}
