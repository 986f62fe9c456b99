package io.escrowkit.iso8583.mapping;

import io.escrowkit.spi.RequestType;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How escrow requests become messages for one terminal: the dialect, the time zone of local dates
 * and times, the TPDU and header (UnionPay), the capture mode, the reversal MTI, the terminal's
 * read capability (UnionPay field 60.4) and the acquirer id (ISO 87 field 32). Immutable and
 * threadsafe: arrays are copied in and out.
 *
 * @param dialect the message dialect
 * @param zone the terminal's time zone, for local time and date (fields 12 and 13)
 * @param tpdu the 5-byte TPDU (UnionPay), empty for none
 * @param header the dialect header (UnionPay: 6 bytes), empty for none
 * @param captureMode completion request or completion advice
 * @param reversalMti 0400 (reversal request) or 0420 (reversal advice)
 * @param readCapability UnionPay field 60.4: 2 magnetic stripe, 5 contact chip, 6 contactless too
 * @param acquirerId ISO 87 field 32 and 90.4, if the acquirer wants it
 * @param signOnKeyScheme UnionPay 60.3 of the sign-on, the working keys asked for: 001 single
 *     DES, 003 double-length (the default), 004 double-length with a track key
 * @param messageCodes the acquirer's own message type, processing code and condition code for a
 *     kind of request, where they differ from the dialect's table (never for reversals, which
 *     repeat their original's)
 */
public record MappingSettings(
    Dialect dialect,
    ZoneId zone,
    byte[] tpdu,
    byte[] header,
    CaptureMode captureMode,
    String reversalMti,
    String readCapability,
    Optional<String> acquirerId,
    String signOnKeyScheme,
    Map<RequestType, MessageCodes> messageCodes) {

  /** The UnionPay default TPDU: id 60, destination 0000, source 0000. */
  public static final String DEFAULT_TPDU = "6000000000";

  /** The UnionPay default header: application 60, version 31, status 00, software 310000. */
  public static final String DEFAULT_HEADER = "603100310000";

  public MappingSettings {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(zone, "zone");
    tpdu = Objects.requireNonNull(tpdu, "tpdu").clone();
    header = Objects.requireNonNull(header, "header").clone();
    Objects.requireNonNull(captureMode, "captureMode");
    Objects.requireNonNull(reversalMti, "reversalMti");
    Objects.requireNonNull(readCapability, "readCapability");
    Objects.requireNonNull(acquirerId, "acquirerId");
    SignOnKeys.requireScheme("signOnKeyScheme", signOnKeyScheme);
    if (dialect != Dialect.UNIONPAY_POS && !signOnKeyScheme.equals(SignOnKeys.DOUBLE_LENGTH)) {
      throw new IllegalArgumentException(
          "signOnKeyScheme is for the UnionPay dialect (the ISO 87 sign-on carries no keys)");
    }
    messageCodes = Map.copyOf(messageCodes);
    if (messageCodes.containsKey(RequestType.REVERSAL)) {
      throw new IllegalArgumentException("a reversal repeats its original's codes; none to set");
    }
    for (Map.Entry<RequestType, MessageCodes> given : messageCodes.entrySet()) {
      requireMessageFunction(given.getKey(), given.getValue().mti(), captureMode);
    }
    boolean tpduWanted = dialect.spec().hasTpdu();
    if (tpduWanted != (tpdu.length == 5)) {
      throw new IllegalArgumentException(
          tpduWanted
              ? "dialect " + dialect + " needs a 5-byte TPDU, got " + tpdu.length + " bytes"
              : "dialect " + dialect + " has no TPDU");
    }
    if (header.length != dialect.spec().headerLength()) {
      throw new IllegalArgumentException(
          "dialect "
              + dialect
              + " needs a "
              + dialect.spec().headerLength()
              + "-byte header, got "
              + header.length);
    }
    if (!reversalMti.equals("0400") && !reversalMti.equals("0420")) {
      throw new IllegalArgumentException("reversalMti must be 0400 or 0420, got " + reversalMti);
    }
    if (!readCapability.matches("[0-9]")) {
      throw new IllegalArgumentException("readCapability must be one digit: " + readCapability);
    }
    if (acquirerId.isPresent() && !acquirerId.get().matches("[0-9]{1,11}")) {
      throw new IllegalArgumentException("acquirerId must be 1 to 11 digits: " + acquirerId.get());
    }
  }

  /** Settings asking for double-length sign-on keys (003): the constructor before that choice. */
  public MappingSettings(
      Dialect dialect,
      ZoneId zone,
      byte[] tpdu,
      byte[] header,
      CaptureMode captureMode,
      String reversalMti,
      String readCapability,
      Optional<String> acquirerId,
      Map<RequestType, MessageCodes> messageCodes) {
    this(dialect, zone, tpdu, header, captureMode, reversalMti, readCapability, acquirerId,
        SignOnKeys.DOUBLE_LENGTH, messageCodes);
  }

  /**
   * UnionPay POS defaults: Asia/Shanghai, TPDU {@value #DEFAULT_TPDU}, header {@value
   * #DEFAULT_HEADER}, online capture, 0400 reversals, read capability 6, sign-on asking for
   * double-length keys (003).
   */
  public static MappingSettings unionPay() {
    return new MappingSettings(
        Dialect.UNIONPAY_POS,
        ZoneId.of("Asia/Shanghai"),
        Hex.parse(DEFAULT_TPDU),
        Hex.parse(DEFAULT_HEADER),
        CaptureMode.ONLINE,
        "0400",
        "6",
        Optional.empty(),
        SignOnKeys.DOUBLE_LENGTH,
        Map.of());
  }

  /** ISO 87 defaults: UTC, online capture, 0400 reversals, no acquirer id. */
  public static MappingSettings iso87(Dialect dialect) {
    if (dialect == Dialect.UNIONPAY_POS) {
      throw new IllegalArgumentException("use unionPay() for " + dialect);
    }
    return new MappingSettings(
        dialect,
        ZoneOffset.UTC,
        new byte[0],
        new byte[0],
        CaptureMode.ONLINE,
        "0400",
        "6",
        Optional.empty(),
        SignOnKeys.DOUBLE_LENGTH,
        Map.of());
  }

  @Override
  public byte[] tpdu() {
    return tpdu.clone();
  }

  @Override
  public byte[] header() {
    return header.clone();
  }

  public MappingSettings withZone(ZoneId newZone) {
    return new MappingSettings(
        dialect,
        newZone,
        tpdu,
        header,
        captureMode,
        reversalMti,
        readCapability,
        acquirerId,
        signOnKeyScheme,
        messageCodes);
  }

  public MappingSettings withTpdu(byte[] newTpdu) {
    return new MappingSettings(
        dialect,
        zone,
        newTpdu,
        header,
        captureMode,
        reversalMti,
        readCapability,
        acquirerId,
        signOnKeyScheme,
        messageCodes);
  }

  public MappingSettings withHeader(byte[] newHeader) {
    return new MappingSettings(
        dialect,
        zone,
        tpdu,
        newHeader,
        captureMode,
        reversalMti,
        readCapability,
        acquirerId,
        signOnKeyScheme,
        messageCodes);
  }

  public MappingSettings withCaptureMode(CaptureMode mode) {
    return new MappingSettings(
        dialect,
        zone,
        tpdu,
        header,
        mode,
        reversalMti,
        readCapability,
        acquirerId,
        signOnKeyScheme,
        messageCodes);
  }

  public MappingSettings withReversalMti(String mti) {
    return new MappingSettings(
        dialect,
        zone,
        tpdu,
        header,
        captureMode,
        mti,
        readCapability,
        acquirerId,
        signOnKeyScheme,
        messageCodes);
  }

  public MappingSettings withReadCapability(String capability) {
    return new MappingSettings(
        dialect,
        zone,
        tpdu,
        header,
        captureMode,
        reversalMti,
        capability,
        acquirerId,
        signOnKeyScheme,
        messageCodes);
  }

  public MappingSettings withAcquirerId(String id) {
    return new MappingSettings(
        dialect,
        zone,
        tpdu,
        header,
        captureMode,
        reversalMti,
        readCapability,
        Optional.of(id),
        signOnKeyScheme,
        messageCodes);
  }

  /**
   * Whether a request goes as an advice (x2x) or a request (x0x) decides how it is repeated and
   * whether it is ever reversed, which the core and the transport decide by request type: an
   * acquirer may change the codes, not that.
   */
  private static void requireMessageFunction(RequestType type, String mti, CaptureMode capture) {
    boolean advice = mti.charAt(2) == '2';
    boolean wanted;
    switch (type) {
      case CAPTURE_ADVICE:
        wanted = true;
        break;
      case CAPTURE:
        wanted = capture == CaptureMode.ADVICE;
        break;
      case REFUND:
        return; // UnionPay sends refunds as advices, ISO 87 acquirers as requests
      default:
        wanted = false;
    }
    if (advice != wanted) {
      throw new IllegalArgumentException(type + " must go as " + (wanted ? "an advice (0120, 0220)"
          : "a request (0100, 0200)") + " here" + (type == RequestType.CAPTURE
              ? " (capture mode " + capture + ")" : "") + ", got " + mti);
    }
  }

  /** These settings with the sign-on asking for working keys of {@code scheme} (UnionPay 60.3). */
  public MappingSettings withSignOnKeyScheme(String scheme) {
    return new MappingSettings(
        dialect,
        zone,
        tpdu,
        header,
        captureMode,
        reversalMti,
        readCapability,
        acquirerId,
        scheme,
        messageCodes);
  }

  /** These settings with the acquirer's codes for requests of {@code type}. */
  public MappingSettings withMessageCodes(RequestType type, MessageCodes codes) {
    Map<RequestType, MessageCodes> changed = new EnumMap<>(RequestType.class);
    changed.putAll(messageCodes);
    changed.put(type, Objects.requireNonNull(codes, "codes"));
    return new MappingSettings(
        dialect,
        zone,
        tpdu,
        header,
        captureMode,
        reversalMti,
        readCapability,
        acquirerId,
        signOnKeyScheme,
        changed);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof MappingSettings)) {
      return false;
    }
    MappingSettings that = (MappingSettings) other;
    return dialect == that.dialect
        && zone.equals(that.zone)
        && java.util.Arrays.equals(tpdu, that.tpdu)
        && java.util.Arrays.equals(header, that.header)
        && captureMode == that.captureMode
        && reversalMti.equals(that.reversalMti)
        && readCapability.equals(that.readCapability)
        && acquirerId.equals(that.acquirerId)
        && signOnKeyScheme.equals(that.signOnKeyScheme)
        && messageCodes.equals(that.messageCodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        dialect,
        zone,
        java.util.Arrays.hashCode(tpdu),
        java.util.Arrays.hashCode(header),
        captureMode,
        reversalMti,
        readCapability,
        acquirerId,
        signOnKeyScheme,
        messageCodes);
  }

  @Override
  public String toString() {
    return "MappingSettings["
        + dialect
        + " zone="
        + zone
        + " tpdu="
        + Hex.of(tpdu)
        + " header="
        + Hex.of(header)
        + " capture="
        + captureMode
        + " reversal="
        + reversalMti
        + (dialect == Dialect.UNIONPAY_POS ? " signOnKeys=" + signOnKeyScheme : "")
        + (messageCodes.isEmpty() ? "" : " codes=" + messageCodes)
        + "]";
  }
}
