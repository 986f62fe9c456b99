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

  /**
   * Whether this transport tells the host that a capture is the last one
   * ({@link TransportRequest#completesHold()}), so that the host releases the rest of the hold with
   * it. When it cannot (ISO 8583:1987 and the UnionPay POS specification have no such marker), the
   * client follows a final capture that leaves part of a multi-capture hold with a cancel of that
   * remainder (pre-authorization cancel), sent until the host answers it. Defaults to false, the
   * safe answer: a transport that does carry the marker only saves that cancel.
   */
  default boolean carriesFinalCaptureMarker() {
    return false;
  }
}
