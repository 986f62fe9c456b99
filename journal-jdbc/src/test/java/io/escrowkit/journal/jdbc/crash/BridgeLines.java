package io.escrowkit.journal.jdbc.crash;

import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.journal.jdbc.internal.Json;
import io.escrowkit.spi.OriginalRequest;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The crash test's wire: one transport request or outcome a line, as a JSON object. Carries what
 * the in-memory host needs; a hold's card travels as a flag (the host side puts the fixed test card
 * back), so no card number crosses the wire or reaches a log.
 */
final class BridgeLines {
  private BridgeLines() {}

  static String request(TransportRequest r) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", r.type().name());
    line.put("operationId", r.operationId());
    line.put("escrowId", r.escrowId());
    line.put("merchantId", r.merchantId());
    line.put("terminalId", r.terminalId());
    line.put("trace", r.trace());
    line.put("transmittedAt", r.transmittedAt().toString());
    line.put("transactedAt", r.transactedAt().toString());
    line.put("deadline", r.deadline().toString());
    line.put("amount", r.amount().minorUnits());
    line.put("holdAmount", r.holdAmount().minorUnits());
    line.put("currency", r.amount().currency().getCurrencyCode());
    line.put("card", r.card().isPresent());
    line.put("hostReferences", new LinkedHashMap<>(r.hostReferences()));
    r.original()
        .ifPresent(
            o -> {
              line.put("originalType", o.type().name());
              line.put("originalOperationId", o.operationId());
              line.put("originalTrace", o.trace());
              line.put("originalAt", o.transmittedAt().toString());
              line.put("originalAmount", o.amount().minorUnits());
            });
    r.reversalReason().ifPresent(reason -> line.put("reversalReason", reason));
    line.put("completesHold", r.completesHold());
    line.put("repeat", r.repeat());
    return Json.write(line);
  }

  @SuppressWarnings("unchecked")
  static TransportRequest request(String text) {
    Map<String, Object> l = (Map<String, Object>) Json.parse(text);
    String currency = (String) l.get("currency");
    Optional<OriginalRequest> original =
        l.containsKey("originalType")
            ? Optional.of(
                new OriginalRequest(
                    RequestType.valueOf((String) l.get("originalType")),
                    (String) l.get("originalOperationId"),
                    (Long) l.get("originalTrace"),
                    Instant.parse((String) l.get("originalAt")),
                    Money.ofMinor((Long) l.get("originalAmount"), currency)))
            : Optional.empty();
    return new TransportRequest(
        RequestType.valueOf((String) l.get("type")),
        (String) l.get("operationId"),
        (String) l.get("escrowId"),
        (String) l.get("merchantId"),
        (String) l.get("terminalId"),
        (Long) l.get("trace"),
        Instant.parse((String) l.get("transmittedAt")),
        Instant.parse((String) l.get("transactedAt")),
        Instant.parse((String) l.get("deadline")),
        Money.ofMinor((Long) l.get("amount"), currency),
        Money.ofMinor((Long) l.get("holdAmount"), currency),
        Boolean.TRUE.equals(l.get("card"))
            ? Optional.of(TestCards.unionPayChip())
            : Optional.empty(),
        Optional.empty(),
        (Map<String, String>) l.get("hostReferences"),
        original,
        Optional.ofNullable((String) l.get("reversalReason")),
        Boolean.TRUE.equals(l.get("completesHold")),
        Boolean.TRUE.equals(l.get("repeat")));
  }

  static String outcome(TransportOutcome o) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("kind", o.kind().name());
    o.responseCode().ifPresent(code -> line.put("responseCode", code));
    line.put("hostReferences", new LinkedHashMap<>(o.hostReferences()));
    o.unknownReason().ifPresent(reason -> line.put("unknownReason", reason.name()));
    line.put("detail", o.detail());
    return Json.write(line);
  }

  @SuppressWarnings("unchecked")
  static TransportOutcome outcome(String text) {
    Map<String, Object> l = (Map<String, Object>) Json.parse(text);
    return new TransportOutcome(
        TransportOutcome.Kind.valueOf((String) l.get("kind")),
        Optional.ofNullable((String) l.get("responseCode")),
        (Map<String, String>) l.get("hostReferences"),
        Optional.ofNullable((String) l.get("unknownReason")).map(UnknownReason::valueOf),
        (String) l.get("detail"));
  }
}
