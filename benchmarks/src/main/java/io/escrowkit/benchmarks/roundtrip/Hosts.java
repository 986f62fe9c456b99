package io.escrowkit.benchmarks.roundtrip;

import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.Exchange;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.SimulatorLedger;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The simulator both sides of the benchmark talk to: UnionPay, MACs required, no faults, with a
 * count of the answers that were not approvals, so that an iteration whose requests were refused
 * fails instead of measuring refusals. Threadsafe.
 */
final class Hosts {
  /** The first refused exchange of the run, for the failure message. */
  private static final AtomicReference<String> FIRST_REFUSAL = new AtomicReference<>("none");

  private Hosts() {}

  /** A started simulator; every answer other than 00 is counted in {@code refused}. */
  static AcquirerSimulator start(AtomicLong refused) {
    return AcquirerSimulator.builder()
        .profile(HostProfile.CUP)
        .requireMac(true)
        // The default (100 million CNY) runs out after ~780,000 escrows of 128.00 in one trial.
        .defaultBalance(Long.MAX_VALUE / 4)
        .listener(exchange -> countRefusal(exchange, refused))
        .start();
  }

  /**
   * The SDK's transport to {@code host}: UnionPay over one connection, signed on, MACing with the
   * test key, drawing its sign-on and echo traces from {@code traces}. Started.
   */
  static IsoTransport transportTo(AcquirerSimulator host, LongSupplier traces) {
    return IsoTransport.builder()
        .connect("127.0.0.1", host.port())
        .terminal(RoundTripFrames.MERCHANT, RoundTripFrames.TERMINAL, traces)
        .mac(
            SoftwareSecureModule.withTestKeys(new Random(5)),
            SoftwareSecureModule.TEST_MAC_KEY_ID)
        .signOnOnConnect(true)
        .build()
        .start();
  }

  /**
   * Checks that the iteration's escrows all went through (nothing refused, nothing left frozen) and
   * forgets them, so the next iteration starts with empty books.
   */
  static void checkAndForget(SimulatorLedger ledger, AtomicLong refused) {
    if (refused.get() != 0 || ledger.frozenTotal() != 0) {
      throw new IllegalStateException(refused.get() + " requests refused, "
          + ledger.frozenTotal() + " left frozen; first refusal: " + FIRST_REFUSAL.get());
    }
    ledger.forgetClosed();
  }

  private static void countRefusal(Exchange exchange, AtomicLong refused) {
    if (!exchange.responseCode().filter("00"::equals).isPresent()) {
      FIRST_REFUSAL.compareAndSet("none", exchange.toString());
      refused.incrementAndGet();
    }
  }
}
