package io.escrowkit.benchmarks.roundtrip;

import io.escrowkit.simulator.SimulatorLedger;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a simulator's books small while a benchmark runs: forgets its closed escrows every
 * {@value #EVERY_MS} ms, as {@link Hosts#checkAndForget} does at each iteration's end.
 *
 * <p>Without it the books grow until the iteration ends, and the simulator's cost per escrow grows
 * with them (a larger live heap for each young collection to scan, larger maps). That slowed the
 * faster side more, since it filled the books sooner: the raw side made about 40,000 escrows/s in
 * 1 s iterations and 27,000 in 3 s ones, and a profile showed the simulator spending 31 µs of CPU
 * on a raw escrow against 19 µs on an SDK escrow. The simulator forgets only escrows no longer
 * held, so a capture always finds its hold. Threadsafe; close it to stop.
 */
final class ForgetfulBooks implements AutoCloseable {
  static final int EVERY_MS = 100;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "forgetful-books");
            thread.setDaemon(true);
            return thread;
          });

  ForgetfulBooks(SimulatorLedger ledger) {
    timer.scheduleWithFixedDelay(ledger::forgetClosed, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
