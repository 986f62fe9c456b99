package io.escrowkit.simulator.internal;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoException;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.tlv.TlvBuilder;
import io.escrowkit.simulator.HostProfile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Builds answers: MTI + 10 (a repeat's 1 becomes 0), the TPDU with source and destination swapped,
 * the header as received, the request's identifying fields echoed, fields 12 and 13 from the host's
 * clock, 37 and 38 as decided, 39, and for chip requests field 55 with tag 8A (the response code).
 * Track data, PIN block and the request's EMV data are never echoed. Threadsafe.
 */
final class Responses {

  /**
   * Fields copied from the request when present: the identifying ones, the local time and date
   * (12, 13) and the references (37, 38), which a decision may replace.
   */
  private static final int[] ECHOED_OR_KEPT =
      {2, 3, 4, 7, 11, 12, 13, 25, 32, 37, 38, 41, 42, 49, 60, 61, 70, 90};

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMdd");

  private final Clock clock;

  Responses(Clock clock) {
    this.clock = clock;
  }

  /**
   * Whether a message with this MTI expects an answer: ISO 8583:1987 function digit 0 (request)
   * or 2 (advice); not a response (1, 3), a notification (4) or a reserved digit.
   */
  static boolean isAnswerable(String mti) {
    char function = mti.charAt(2);
    return function == '0' || function == '2';
  }

  /** The answer's MTI: function digit + 1, origin digit 0 (a repeat's answer is no repeat). */
  static String responseMti(String mti) {
    char[] c = mti.toCharArray();
    c[2] = (char) (c[2] + 1);
    c[3] = '0';
    return new String(c);
  }

  /** The TPDU of an answer: ID, then the request's source as destination and vice versa. */
  static byte[] swapTpdu(byte[] tpdu) {
    return new byte[] {tpdu[0], tpdu[3], tpdu[4], tpdu[1], tpdu[2]};
  }

  /**
   * An answer begun: MTI, TPDU, header and the request's fields to echo (37 and 38 too, which a
   * decision may replace). A field the spec would not let the host send back (a character its
   * type does not allow: decoding reads such text as it is) is left out and named, so that the
   * request can be refused as malformed before it changes the books.
   */
  Echo echo(RequestView r) {
    return echo(r.profile, r.decoded, r.mti);
  }

  /** As {@link #echo(RequestView)}, for a request read no further than its layout. */
  Echo echo(HostProfile profile, DecodedMessage decoded, String mti) {
    IsoSpec spec = profile.spec();
    IsoMessage.Builder b = IsoMessage.builder(spec).mti(responseMti(mti));
    if (spec.hasTpdu()) {
      b.tpdu(swapTpdu(decoded.tpdu()));
    }
    if (spec.headerLength() > 0) {
      b.header(decoded.header());
    }
    // The local time and date of the transaction: the host's, replaced below by the terminal's
    // when it gave them (ISO 87 requests do, and answers echo them; UnionPay requests carry none).
    LocalDateTime now = LocalDateTime.now(clock);
    b.set(12, TIME.format(now)).set(13, DATE.format(now));
    Optional<String> unfit = Optional.empty();
    for (int f : ECHOED_OR_KEPT) {
      try {
        copy(profile, decoded, b, f); // a value refused is not set: the host's stays, or none
      } catch (IsoException notSendable) {
        unfit = unfit.isPresent() ? unfit : Optional.of(notSendable.getMessage());
      }
    }
    return new Echo(b, unfit);
  }

  /**
   * A refusal with {@code responseCode} (30 format error, or the MAC's refusal) to a request begun
   * by {@link #echo} and read no further: nothing decided, nothing booked.
   */
  IsoMessage refusal(Echo echo, String responseCode) {
    return echo.builder().set(39, responseCode).build();
  }

  /**
   * An answer begun by {@link #echo}: the builder, and why the first field left out could not be
   * echoed, if one was. Used once.
   */
  record Echo(IsoMessage.Builder builder, Optional<String> unfit) {}

  /** The answer to {@code r}, begun by {@link #echo}, finished with the decision. */
  IsoMessage build(Echo echo, RequestView r, Decision d, TransactionType type) {
    IsoMessage.Builder b = echo.builder();
    d.rrn().ifPresent(rrn -> b.set(37, rrn)); // else the request's, echoed
    d.authCode().ifPresent(code -> b.set(38, code));
    b.set(39, d.responseCode());
    if (r.has(55) && (type == TransactionType.PRE_AUTH || type == TransactionType.COMPLETION)) {
      b.set(
          55,
          TlvBuilder.create()
              .add(0x8A, d.responseCode().getBytes(StandardCharsets.US_ASCII))
              .build());
    }
    return b.build();
  }

  /** Copies {@code field} when the request has it. */
  private static void copy(
      HostProfile profile, DecodedMessage decoded, IsoMessage.Builder b, int field) {
    if (!decoded.has(field)) {
      return;
    }
    boolean binary =
        profile.spec().field(field).map(f -> f.valueEncoding().isBinary()).orElse(false);
    if (binary) {
      b.set(field, decoded.readBytes(field));
    } else {
      b.set(field, decoded.readString(field));
    }
  }
}
