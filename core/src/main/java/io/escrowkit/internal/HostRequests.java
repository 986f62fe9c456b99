package io.escrowkit.internal;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.time.Instant;

/** Requests about an escrow the client already has: what every follow-up carries. Stateless. */
final class HostRequests {
  private HostRequests() {}

  /**
   * A request of {@code type} about {@code escrow}, sent at {@code now} with the client's request
   * timeout: the escrow's merchant, terminal, hold and host references filled in; the amount and
   * anything else are the caller's to set.
   */
  static TransportRequest.Builder about(EngineContext context, EscrowSnapshot escrow,
      RequestType type, String operationId, long trace, Instant now) {
    return TransportRequest.builder(type)
        .operationId(operationId)
        .escrow(escrow.id(), escrow.merchantId(), escrow.terminalId())
        .trace(trace)
        .transmittedAt(now)
        .deadline(now.plus(context.config.requestTimeout()))
        .holdAmount(escrow.held())
        .hostReferences(escrow.hostReferences());
  }
}
