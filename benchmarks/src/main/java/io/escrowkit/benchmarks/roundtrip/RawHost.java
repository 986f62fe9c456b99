package io.escrowkit.benchmarks.roundtrip;

import io.escrowkit.simulator.AcquirerSimulator;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulator of its own (forgetting closed escrows as it goes, {@link ForgetfulBooks}) and one
 * {@link RawPipeline} connection to it: what the raw and the checked sides send through.
 * Threadsafe.
 */
final class RawHost implements AutoCloseable {
  private final AtomicLong refused = new AtomicLong();
  private final AcquirerSimulator host;
  private final ForgetfulBooks books;
  final RawPipeline pipeline;

  RawHost() throws IOException {
    host = Hosts.start(refused);
    books = new ForgetfulBooks(host.ledger());
    pipeline = new RawPipeline(host.address());
  }

  /** At an iteration's end: nothing refused, nothing left frozen; the books start empty again. */
  void checkAndForget() {
    Hosts.checkAndForget(host.ledger(), refused);
  }

  @Override
  public void close() throws IOException {
    books.close();
    pipeline.close();
    host.close();
  }
}
