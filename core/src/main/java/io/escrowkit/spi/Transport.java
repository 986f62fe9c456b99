package io.escrowkit.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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
   * Sends {@code request} as {@link #send(TransportRequest)} does, and completes the returned
   * future on {@code finisher}, the executor of the thread that records the outcome (a caller
   * waiting for it, when there is one), or within this call if the answer comes within it. The
   * client sends through this method.
   *
   * <p>A transport with work to do on an answer (checking its MAC through a secure module, which
   * on a terminal may be a slow device; reading its fields) should override this and do that work
   * on {@code finisher}, so that the thread reading a connection only reads and routes answers
   * and no answer waits behind another's checks. The default hands the outcome of {@link
   * #send(TransportRequest)} to {@code finisher}, a failure as well as an answer.
   */
  default CompletableFuture<TransportOutcome> send(TransportRequest request, Executor finisher) {
    CompletableFuture<TransportOutcome> sent = send(request);
    return sent.isDone() ? sent : sent.whenCompleteAsync((outcome, failure) -> { }, finisher);
  }

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
