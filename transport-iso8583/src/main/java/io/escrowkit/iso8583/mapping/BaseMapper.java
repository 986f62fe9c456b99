package io.escrowkit.iso8583.mapping;

import io.escrowkit.device.CardData;
import io.escrowkit.device.PinBlock;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoException;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.OriginalRequest;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What both dialects share: fields 3, 4, 11, 25, 41, 42, 49, the card fields of a hold, the
 * references of follow-ups (38, 37), and the reversal built by repeating the original. The dialects
 * add their own fields through the hooks. Threadsafe (immutable but for the session).
 */
abstract class BaseMapper implements MessageMapper {

  /**
   * Data elements a reversal does not repeat: PIN and track data, 26, 53, and the MAC; and 37
   * where the host assigns it ({@link #assignsRetrievalReference}).
   */
  private static final int[] NOT_REPEATED = {26, 35, 36, 45, 52, 53, 64, 128};

  final MappingSettings settings;
  final TerminalSession session;
  final IsoSpec spec;

  BaseMapper(MappingSettings settings, TerminalSession session) {
    this.settings = settings;
    this.session = session;
    this.spec = settings.dialect().spec();
  }

  @Override
  public MappingSettings settings() {
    return settings;
  }

  @Override
  public IsoMessage request(TransportRequest request) {
    if (request.type() == RequestType.REVERSAL) {
      return reversal(request);
    }
    RequestCodes codes = RequestCodes.of(request.type(), settings);
    IsoMessage.Builder b =
        start(codes.mti(), request.trace(), request.terminalId(), request.merchantId())
            .set(3, codes.processingCode())
            .set(4, request.amount().minorUnits())
            .set(25, codes.conditionCode())
            .set(49, Formats.currency(request.amount()));
    if (request.card().isPresent()) {
      cardFields(b, request.card().get(), request.pinBlock());
    } else {
      b.set(22, noCardEntryMode());
    }
    Optional<String> namedRetrieval = Optional.empty();
    if (request.type() != RequestType.HOLD) {
      OriginalData original = OriginalData.of(request, settings);
      original.authorizationCode().ifPresent(value -> b.set(38, value));
      // A void or refund names its capture's number; where the terminal numbers its requests,
      // every follow-up names its original's, as card schemes match a completion to its hold.
      boolean namesRetrieval = assignsRetrievalReference()
          || request.type() == RequestType.VOID_CAPTURE || request.type() == RequestType.REFUND;
      if (namesRetrieval) {
        namedRetrieval = original.retrievalReference();
      }
      followUpFields(b, request, original);
    }
    if (namedRetrieval.isPresent()) {
      b.set(37, namedRetrieval.get());
    } else if (assignsRetrievalReference()) {
      b.set(37, RetrievalReferences.of(request.trace(), request.transactedAt(), settings.zone()));
    }
    dialectFields(b, request, codes);
    return b.build();
  }

  @Override
  public Optional<IsoMessage> repeatOf(IsoMessage message) {
    String mti = message.mti();
    if (mti.charAt(2) != '2' || mti.charAt(3) != '0') {
      return Optional.empty();
    }
    return Optional.of(message.toBuilder().mti(RequestCodes.repeatMti(mti)).build());
  }

  /** The original rebuilt without card data, turned into the reversal. */
  private IsoMessage reversal(TransportRequest request) {
    OriginalRequest original = request.original().get();
    TransportRequest asSent =
        TransportRequest.builder(original.type())
            .operationId(original.operationId())
            .escrow(request.escrowId(), request.merchantId(), request.terminalId())
            .trace(original.trace())
            .transmittedAt(original.transmittedAt())
            // Reversible originals go as they take place: their 12, 13 (and ISO 87's 37) again.
            .transactedAt(original.transmittedAt())
            .deadline(request.deadline())
            .amount(original.amount())
            .holdAmount(request.holdAmount())
            .hostReferences(request.hostReferences())
            .build();
    IsoMessage.Builder b = request(asSent).toBuilder().mti(settings.reversalMti());
    for (int field : NOT_REPEATED) {
      b.remove(field);
    }
    if (!assignsRetrievalReference()) {
      b.remove(37); // the host's number, which the answer a reversal stands for never brought
    }
    b.set(39, request.reversalReason().orElse("06"));
    reversalFields(b, request, original);
    return b.build();
  }

  /** A builder with TPDU, header, MTI, trace, terminal and merchant. */
  IsoMessage.Builder start(String mti, long trace, String terminalId, String merchantId) {
    IsoMessage.Builder b = IsoMessage.builder(spec).mti(mti);
    byte[] tpdu = settings.tpdu();
    if (tpdu.length > 0) {
      b.tpdu(tpdu);
    }
    byte[] header = settings.header();
    if (header.length > 0) {
      b.header(header);
    }
    return b.set(11, Formats.trace(trace)).set(41, terminalId).set(42, merchantId);
  }

  private void cardFields(IsoMessage.Builder b, CardData card, Optional<PinBlock> pin) {
    b.set(2, card.pan());
    card.expiry().ifPresent(expiry -> b.set(14, Formats.expiry(expiry)));
    b.set(22, Formats.entryMode(card, settings.dialect()) + pinDigit(pin.isPresent()));
    if (card.entryMode().isChip()) {
      card.cardSequenceNumber().ifPresent(sequence -> b.set(23, sequence));
      card.emvData().ifPresent(emv -> b.set(55, emv));
    }
    card.track2().ifPresent(track -> b.set(35, track));
    pin.ifPresent(block -> pinFields(b, block));
  }

  @Override
  public Map<String, String> references(
      TransportRequest request, IsoMessage sent, DecodedMessage answer) {
    Map<String, String> out = new HashMap<>();
    Optional<String> code = nonBlank(answer.findString(38));
    // The host's number, or the one this terminal gave the request when the answer has none.
    Optional<String> retrieval = nonBlank(answer.findString(37));
    if (!retrieval.isPresent() && assignsRetrievalReference()) {
      retrieval = nonBlank(sent.get(37));
    }
    String date =
        answer
            .findString(13)
            .orElseGet(() -> Formats.localDate(request.transmittedAt(), settings.zone()));
    approvedAmount(request, answer)
        .ifPresent(amount -> out.put(HostReference.APPROVED_AMOUNT, Long.toString(amount)));
    String trace = Formats.trace(request.trace());
    if (request.type() == RequestType.HOLD) {
      code.ifPresent(value -> out.put(HostReference.AUTHORIZATION_CODE, value));
      retrieval.ifPresent(value -> out.put(HostReference.RETRIEVAL_REFERENCE, value));
      out.put(HostReference.ORIGINAL_TRACE, trace);
      out.put(HostReference.ORIGINAL_DATE, date);
      sessionReferences(out, sent, false);
    } else if (request.type() == RequestType.CAPTURE
        || request.type() == RequestType.CAPTURE_ADVICE) {
      // Every capture replaces the last one's: a void or refund names the latest capture.
      out.put(IsoHostReferences.CAPTURE_MTI, RequestCodes.of(request.type(), settings).mti());
      out.put(IsoHostReferences.CAPTURE_TRACE, trace);
      out.put(IsoHostReferences.CAPTURE_DATE, date);
      // Written whenever the answer or the hold has one, the hold's standing in for what the
      // answer lacks, so that an earlier capture's, voided since, is not named by this one's void.
      // (A hold answered without one leaves nothing to stand in: the map keeps the earlier.)
      putEither(out, IsoHostReferences.CAPTURE_AUTHORIZATION_CODE, code,
          request.hostReferences().get(HostReference.AUTHORIZATION_CODE));
      putEither(out, IsoHostReferences.CAPTURE_RETRIEVAL_REFERENCE, retrieval,
          request.hostReferences().get(HostReference.RETRIEVAL_REFERENCE));
      sessionReferences(out, sent, true);
    } else {
      // A release's, void's or refund's numbers are kept for the record, never in place of the
      // hold's or the capture's, which later follow-ups name.
      code.ifPresent(value -> out.put(IsoHostReferences.FOLLOW_UP_AUTHORIZATION_CODE, value));
      retrieval.ifPresent(
          value -> out.put(IsoHostReferences.FOLLOW_UP_RETRIEVAL_REFERENCE, value));
    }
    return out;
  }

  /**
   * The amount an approval's field 4 gives when it is less than the request's: a partial approval
   * (code 10). More than was asked is never taken: a host cannot approve what was not asked.
   */
  private static Optional<Long> approvedAmount(TransportRequest request, DecodedMessage answer) {
    long asked = request.amount().minorUnits();
    // An answer's amount it cannot read does not make it less.
    return answeredAmount(answer).filter(approved -> approved > 0 && approved < asked);
  }

  /** The answer's field 4 in minor units; empty when it has none or it cannot be read. */
  static Optional<Long> answeredAmount(DecodedMessage answer) {
    if (!answer.has(4)) {
      return Optional.empty();
    }
    try {
      return Optional.of(answer.readLong(4));
    } catch (IsoException unreadable) {
      return Optional.empty();
    }
  }

  /** Puts {@code value}, else {@code fallback} when there is one, under {@code name}. */
  private static void putEither(
      Map<String, String> out, String name, Optional<String> value, String fallback) {
    if (value.isPresent()) {
      out.put(name, value.get());
    } else if (fallback != null) {
      out.put(name, fallback);
    }
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::trim).filter(text -> !text.isEmpty());
  }

  /** The approving response code of network management answers. */
  static boolean approves(DecodedMessage answer) {
    return answer.findString(39).map(code -> code.equals("00")).orElse(false);
  }

  /**
   * Whether the terminal gives its requests their retrieval reference numbers (field 37, {@link
   * RetrievalReferences}): a hold gets a new one, a follow-up repeats its original's (the hold's,
   * or the capture's for a void or refund) and a reversal its original's. Else the host assigns
   * them in its answers and a request carries one only to name its original (a void or refund).
   */
  abstract boolean assignsRetrievalReference();

  /** The third digit of field 22 (PIN entered, or the terminal's PIN capability). */
  abstract char pinDigit(boolean pinEntered);

  /** Field 22 of a request made without the card. */
  abstract String noCardEntryMode();

  /** PIN-related fields besides the PIN block (52), which is set here. */
  void pinFields(IsoMessage.Builder b, PinBlock pin) {
    b.set(52, pin.bytes());
  }

  /** The dialect's original-data fields of a follow-up (UnionPay 61, ISO 90). */
  abstract void followUpFields(
      IsoMessage.Builder b, TransportRequest request, OriginalData original);

  /** The dialect's own fields of every request (UnionPay 60, ISO 7/12/13/32). */
  abstract void dialectFields(IsoMessage.Builder b, TransportRequest request, RequestCodes codes);

  /** The dialect's changes that make a repeated original a reversal. */
  abstract void reversalFields(
      IsoMessage.Builder b, TransportRequest reversal, OriginalRequest original);

  /** The references a later message needs from this session (batch, transmission time). */
  abstract void sessionReferences(Map<String, String> out, IsoMessage sent, boolean capture);
}
