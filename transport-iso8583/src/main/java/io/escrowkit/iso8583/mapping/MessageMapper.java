package io.escrowkit.iso8583.mapping;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.spi.TransportRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the core's transport requests into ISO 8583 messages of one dialect, builds the channel's
 * own messages (sign-on, echo), and reads the host references out of answers. The mapping table is
 * in the module README ("Channel and escrow mapping"). Implementations are threadsafe.
 */
public interface MessageMapper {

  /** The mapper for {@code settings.dialect()}. */
  static MessageMapper of(MappingSettings settings, TerminalSession session) {
    return settings.dialect() == Dialect.UNIONPAY_POS
        ? new UnionPayPosMapper(settings, session)
        : new Iso87Mapper(settings, session);
  }

  MappingSettings settings();

  /**
   * The message for {@code request}, without its MAC. A reversal repeats its original's data
   * elements, less track data, PIN block and fields 26 and 53 (and 37 where the host assigns it),
   * with field 39 giving the reason.
   */
  IsoMessage request(TransportRequest request);

  /** The repeat of an advice (0221 for 0220), or empty if {@code message} is no advice. */
  Optional<IsoMessage> repeatOf(IsoMessage message);

  /** A sign-on, with the next trace of the session. */
  IsoMessage signOn();

  /** Whether the sign-on answer approves (field 39 00); records the batch number it carries. */
  boolean signedOn(DecodedMessage answer);

  /** An echo test, with the next trace of the session. */
  IsoMessage echo();

  /**
   * What an answer gives for follow-up requests: authorization code, retrieval reference, and the
   * request's own trace, batch and date as the original data of later messages.
   */
  Map<String, String> references(TransportRequest request, IsoMessage sent, DecodedMessage answer);
}
