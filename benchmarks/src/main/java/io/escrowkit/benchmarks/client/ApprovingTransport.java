package io.escrowkit.benchmarks.client;

import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host that approves every request within the send and keeps nothing: what is left of an
 * escrow's cost is the client's own (journal, state machine, idempotency, reversal bookkeeping).
 * Threadsafe.
 */
final class ApprovingTransport implements Transport {
  private final AtomicLong authorizations = new AtomicLong();

  @Override
  public String name() {
    return "approving";
  }

  @Override
  public CompletableFuture<TransportOutcome> send(TransportRequest request) {
    long n = authorizations.incrementAndGet();
    Map<String, String> references = Map.of(
        HostReference.AUTHORIZATION_CODE, Long.toString(100_000 + n % 900_000),
        HostReference.RETRIEVAL_REFERENCE, Long.toString(100_000_000_000L + n),
        HostReference.ORIGINAL_TRACE, Long.toString(request.trace()));
    return CompletableFuture.completedFuture(TransportOutcome.fromResponseCode("00", references));
  }
}
