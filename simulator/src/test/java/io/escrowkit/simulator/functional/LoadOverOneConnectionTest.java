package io.escrowkit.simulator.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.simulator.Fault;
import io.escrowkit.simulator.Faults;
import io.escrowkit.simulator.HostProfile;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand escrows (hold, then capture) through one IsoTransport connection to the simulator,
 * UnionPay with MACs, 64 in flight, 1% of requests hit by a fault of every kind. Afterwards the
 * journal and the simulator's books must agree exactly, escrow by escrow and in total. Prints the
 * throughput as a load-run figure; nothing here is timed.
 *
 * <p>{@code -Descrowkit.load.escrows=N} changes the number of escrows.
 */
class LoadOverOneConnectionTest {
  private static final int ESCROWS = Integer.getInteger("escrowkit.load.escrows", 10_000);
  private static final int IN_FLIGHT = 64;
  private static final double FAULT_RATE = 0.01;

  @Test
  void tenThousandEscrowsWithOnePercentFaultsEndWithTheBooksInAgreement() throws Exception {
    SdkLoopback.Options options =
        SdkLoopback.Options.of(HostProfile.CUP).requestTimeout(Duration.ofSeconds(1));
    try (SdkLoopback loop = new SdkLoopback(options)) {
      Faults faults =
          loop.host.faults().delay(Duration.ofMillis(50)).lateBy(Duration.ofMillis(1_300));
      for (Fault fault : Fault.values()) {
        faults.inject(fault, FAULT_RATE / Fault.values().length);
      }
      EscrowLoad load = new EscrowLoad(loop);

      long start = System.nanoTime();
      load.run(ESCROWS, IN_FLIGHT);
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(load.errors()).isEmpty();
      List<EscrowSnapshot> escrows = loop.escrows();
      assertThat(escrows).hasSize(ESCROWS);
      LedgerAgreement.assertAgree(escrows, loop.host.ledger());
      Map<EscrowState, Long> states =
          escrows.stream()
              .collect(
                  Collectors.groupingBy(
                      EscrowSnapshot::state,
                      () -> new EnumMap<>(EscrowState.class),
                      Collectors.counting()));
      assertThat(states.getOrDefault(EscrowState.CAPTURED, 0L)).isGreaterThan(ESCROWS * 9L / 10);
      System.out.printf(
          Locale.ROOT,
          "load run: %d escrows (hold + capture) over 1 connection, %d in flight, UnionPay with"
              + " MAC: %.1f s, %.0f escrows/s; faults %s; escrows %s; capture retries %d; requests"
              + " held back for an owed reversal %d; reversals applied %d; connections %d%n",
          ESCROWS,
          IN_FLIGHT,
          seconds,
          ESCROWS / seconds,
          applied(faults),
          states,
          load.captureRetries(),
          load.reversalWaits(),
          loop.host.ledger().reversalsApplied(),
          loop.host.acceptedConnections());
    }
  }

  private static Map<String, Long> applied(Faults faults) {
    return List.of(Fault.values()).stream()
        .collect(
            Collectors.toMap(Fault::cliName, faults::applied, (a, b) -> a, java.util.TreeMap::new));
  }
}
