package io.escrowkit.spi;

import java.util.concurrent.CompletableFuture;

/**
 * Carries escrow requests to a host and brings back its answer: what the ISO 8583 and HTTP
 * transports implement. Implementations must be threadsafe and allow many requests in flight.
 *
 * <p>The returned future completes by the request's {@link TransportRequest#deadline()} with an
 * {@link TransportOutcome}: approved, declined with the host's code, or unknown (timeout, broken
 * connection, bad MAC, late answer). A network failure is an unknown outcome, never an
 * exceptional completion; if the future does complete exceptionally, the client treats the
 * request as in doubt and reverses it. A transport never declines on its own behalf: only the host
 * declines.
 */
public interface Transport {

  /** A short name for logs and metrics, e.g. "iso8583:acquirer-a". */
  String name();

  CompletableFuture<TransportOutcome> send(TransportRequest request);
}
