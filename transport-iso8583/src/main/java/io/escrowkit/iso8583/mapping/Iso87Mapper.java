package io.escrowkit.iso8583.mapping;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.spi.OriginalRequest;
import io.escrowkit.spi.TransportRequest;
import java.util.Map;

/**
 * The generic ISO 8583:1987 dialects (binary and ASCII). Beyond the shared fields: field 7
 * (transmission date and time, UTC as ISO defines it), 12 and 13 (local time and date in the
 * terminal's zone), 32 (acquirer, if configured), and field 90 (original data elements: MTI, trace,
 * transmission time, acquirer, forwarding institution) on follow-ups and reversals. Field 22's
 * third digit is the terminal's PIN capability (1). Sign-on and echo are 0800 with field 70 001 and
 * 301. Threadsafe.
 */
final class Iso87Mapper extends BaseMapper {
  private static final String NO_INSTITUTION = "00000000000";

  Iso87Mapper(MappingSettings settings, TerminalSession session) {
    super(settings, session);
  }

  /** ISO 8583:1987 has the acquiring side give field 37: the terminal does, the host echoes it. */
  @Override
  boolean assignsRetrievalReference() {
    return true;
  }

  @Override
  char pinDigit(boolean pinEntered) {
    return '1';
  }

  @Override
  String noCardEntryMode() {
    return "001";
  }

  @Override
  void followUpFields(IsoMessage.Builder b, TransportRequest request, OriginalData original) {
    original
        .trace()
        .ifPresent(
            trace ->
                b.setSubfields(
                    90,
                    original.mti(),
                    trace,
                    original.transmission().orElse("0000000000"),
                    acquirer(),
                    NO_INSTITUTION));
  }

  @Override
  void dialectFields(IsoMessage.Builder b, TransportRequest request, RequestCodes codes) {
    b.set(7, Formats.transmission(request.transmittedAt()))
        .set(12, Formats.localTime(request.transactedAt(), settings.zone()))
        .set(13, Formats.localDate(request.transactedAt(), settings.zone()));
    settings.acquirerId().ifPresent(id -> b.set(32, id));
  }

  @Override
  void reversalFields(IsoMessage.Builder b, TransportRequest reversal, OriginalRequest original) {
    String originalMti = RequestCodes.of(original.type(), settings).mti();
    b.set(7, Formats.transmission(reversal.transmittedAt()))
        .setSubfields(
            90,
            originalMti,
            Formats.trace(original.trace()),
            Formats.transmission(original.transmittedAt()),
            acquirer(),
            NO_INSTITUTION);
  }

  @Override
  void sessionReferences(Map<String, String> out, IsoMessage sent, boolean capture) {
    sent.get(7)
        .ifPresent(
            value ->
                out.put(
                    capture
                        ? IsoHostReferences.CAPTURE_TRANSMISSION
                        : IsoHostReferences.ORIGINAL_TRANSMISSION,
                    value));
  }

  @Override
  public IsoMessage signOn() {
    return network("001");
  }

  @Override
  public boolean signedOn(DecodedMessage answer) {
    return approves(answer);
  }

  @Override
  public IsoMessage echo() {
    return network("301");
  }

  private IsoMessage network(String code) {
    return start("0800", session.nextTrace(), session.terminalId(), session.merchantId())
        .set(7, Formats.transmission(session.clock().instant()))
        .set(70, code)
        .build();
  }

  private String acquirer() {
    return settings.acquirerId().orElse(NO_INSTITUTION);
  }
}
