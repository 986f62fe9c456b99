package io.escrowkit.testing;

import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Passes requests to an in-memory host, which applies them; the answer to the first request of
 * one type is held back until the test gives it ({@link #answer}). Threadsafe.
 */
public final class HeldAnswerTransport implements Transport {
  private final InMemoryTransport host;
  private final RequestType held;
  private final AtomicBoolean taken = new AtomicBoolean();
  private final CompletableFuture<TransportOutcome> answer = new CompletableFuture<>();

  public HeldAnswerTransport(InMemoryTransport host, RequestType held) {
    this.host = host;
    this.held = held;
  }

  /** Gives the held answer now. */
  public void answer(TransportOutcome outcome) {
    answer.complete(outcome);
  }

  @Override
  public String name() {
    return "held-answer";
  }

  @Override
  public boolean carriesFinalCaptureMarker() {
    return host.carriesFinalCaptureMarker();
  }

  @Override
  public CompletableFuture<TransportOutcome> send(TransportRequest request) {
    CompletableFuture<TransportOutcome> reached = host.send(request);
    return request.type() == held && taken.compareAndSet(false, true) ? answer : reached;
  }
}
