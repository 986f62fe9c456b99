package io.escrowkit.iso8583.mapping;

import io.escrowkit.device.PinBlock;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.OriginalRequest;
import io.escrowkit.spi.TransportRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UnionPay POS dialect. Beyond the shared fields: field 60 (60.1 transaction type code, 60.2
 * batch, 60.3 network management code, 60.4 read capability, 60.5 IC condition), field 61 on
 * follow-ups (61.1 original batch, 61.2 original trace, 61.3 original date), field 26 (12) and 53
 * (26000...: ANSI X9.8 PIN block with PAN, double-length key) with a PIN, field 22's third digit 1
 * with a PIN and 2 without. No fields 7, 12 or 13 in requests: the host returns them.
 *
 * <p>Sign-on is 0800 with 60.3 the key scheme of the settings (003, double-length keys, unless set
 * otherwise) and field 63 the operator "01 "; echo is
 * 0820 with 60.3 = 301 (terminal code teddy-lee/AIAUnionPay {@code CUPMessageType}, TRAN_TESTING).
 * Threadsafe.
 */
final class UnionPayPosMapper extends BaseMapper {
  private static final Logger log = LoggerFactory.getLogger(UnionPayPosMapper.class);
  private static final String ECHO_CODE = "301";
  private static final String NO_NETWORK_CODE = "000";
  /**
   * Field 53 with a PIN: 53.1 2 (ANSI X9.8 format, with the PAN), 53.2 the PIN key's algorithm (0
   * single DES, 6 double-length triple DES, following the sign-on's key scheme), 14 zeros.
   */
  private static final String PIN_CONTROL_SINGLE_DES = "2000000000000000";
  private static final String PIN_CONTROL_DOUBLE_LENGTH = "2600000000000000";

  UnionPayPosMapper(MappingSettings settings, TerminalSession session) {
    super(settings, session);
  }

  /** UnionPay POS hosts assign field 37 in their answers; a terminal's original carries none. */
  @Override
  boolean assignsRetrievalReference() {
    return false;
  }

  @Override
  char pinDigit(boolean pinEntered) {
    return pinEntered ? '1' : '2';
  }

  @Override
  String noCardEntryMode() {
    return "002";
  }

  @Override
  void pinFields(IsoMessage.Builder b, PinBlock pin) {
    super.pinFields(b, pin);
    b.set(26, "12").set(53, settings.signOnKeyScheme().equals(SignOnKeys.SINGLE_DES)
        ? PIN_CONTROL_SINGLE_DES : PIN_CONTROL_DOUBLE_LENGTH);
  }

  @Override
  void followUpFields(IsoMessage.Builder b, TransportRequest request, OriginalData original) {
    if (original.trace().isPresent()) {
      b.setSubfields(
          61,
          original.batch().orElse("000000"),
          original.trace().get(),
          original.date().orElse("0000"));
    } else {
      log.warn(
          "{} of escrow {} has no original trace to put in field 61",
          request.type(),
          request.escrowId());
    }
  }

  @Override
  void dialectFields(IsoMessage.Builder b, TransportRequest request, RequestCodes codes) {
    b.setSubfields(60, codes.typeCode(), batch(), NO_NETWORK_CODE, settings.readCapability(), "0");
  }

  @Override
  void reversalFields(IsoMessage.Builder b, TransportRequest reversal, OriginalRequest original) {
    // The repeated original already carries 3, 25, 60 and, for a follow-up, 38 and 61.
  }

  @Override
  void sessionReferences(Map<String, String> out, IsoMessage sent, boolean capture) {
    String batch = sent.get(60).map(value -> value.substring(2, 8)).orElse(batch());
    out.put(capture ? IsoHostReferences.CAPTURE_BATCH : HostReference.ORIGINAL_BATCH, batch);
  }

  @Override
  public IsoMessage signOn() {
    return start("0800", session.nextTrace(), session.terminalId(), session.merchantId())
        .setSubfields(60, "00", batch(), settings.signOnKeyScheme())
        .set(63, "01 ")
        .build();
  }

  @Override
  public boolean signedOn(DecodedMessage answer) {
    if (!approves(answer)) {
      return false;
    }
    if (answer.has(60)) {
      try {
        String batch = answer.readSubfield(60, 2);
        session.batchNumber(Long.parseLong(batch));
        log.info("signed on; batch number {}", batch);
      } catch (RuntimeException unreadable) {
        log.warn(
            "sign-on answer's batch number (60.2) unreadable; keeping batch {}",
            batch(),
            unreadable);
      }
    }
    return true;
  }

  @Override
  public IsoMessage echo() {
    return start("0820", session.nextTrace(), session.terminalId(), session.merchantId())
        .setSubfields(60, "00", batch(), ECHO_CODE)
        .build();
  }

  private String batch() {
    return Formats.digits(session.batchNumber(), 6);
  }
}
