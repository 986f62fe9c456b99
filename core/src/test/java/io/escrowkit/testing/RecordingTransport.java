package io.escrowkit.testing;

import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Passes requests on to another transport and keeps each one, for tests. Threadsafe. */
public final class RecordingTransport implements Transport {
  private final Transport next;
  private final List<TransportRequest> sent = new ArrayList<>();

  public RecordingTransport(Transport next) {
    this.next = next;
  }

  @Override
  public String name() {
    return "recording:" + next.name();
  }

  @Override
  public boolean carriesFinalCaptureMarker() {
    return next.carriesFinalCaptureMarker();
  }

  @Override
  public CompletableFuture<TransportOutcome> send(TransportRequest request) {
    synchronized (this) {
      sent.add(request);
    }
    return next.send(request);
  }

  /** Every request sent so far, oldest first. */
  public synchronized List<TransportRequest> sent() {
    return List.copyOf(sent);
  }

  /** The requests of {@code type} sent so far, oldest first. */
  public synchronized List<TransportRequest> sent(RequestType type) {
    List<TransportRequest> found = new ArrayList<>();
    for (TransportRequest request : sent) {
      if (request.type() == type) {
        found.add(request);
      }
    }
    return found;
  }
}
