package io.escrowkit.simulator.internal;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.simulator.HostProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A decoded request with the readings the host needs: fields as text, the card number, amount,
 * trace and the original data elements. Not threadsafe; one per request.
 */
final class RequestView {

  private static final String ZERO_STAN = "000000";

  final HostProfile profile;
  final DecodedMessage decoded;
  final byte[] frame;
  final String mti;
  private final Map<Integer, String> values;

  RequestView(HostProfile profile, DecodedMessage decoded, byte[] frame) {
    this.profile = profile;
    this.decoded = decoded;
    this.frame = frame;
    this.mti = decoded.mti();
    this.values = decoded.readAll();
  }

  Optional<String> get(int field) {
    return Optional.ofNullable(values.get(field));
  }

  boolean has(int field) {
    return values.containsKey(field);
  }

  String stan() {
    return values.getOrDefault(11, "");
  }

  String terminalId() {
    return values.getOrDefault(41, "");
  }

  String merchantId() {
    return values.getOrDefault(42, "");
  }

  Trace trace() {
    return new Trace(terminalId(), merchantId(), stan());
  }

  String currency() {
    return values.getOrDefault(49, "156");
  }

  /** 1 for 01xx authorizations, 2 for 02xx financial messages, 4 for reversals, 8 for network. */
  int mtiClass() {
    return mti.charAt(1) - '0';
  }

  /** Whether the MTI's origin digit is 1: a repeat (0101, 0201, 0221, 0401, 0421). */
  boolean isRepeat() {
    return mti.charAt(3) == '1';
  }

  /** The MTI of the message this one repeats (0100 for 0101), or its own if it is no repeat. */
  String firstMti() {
    return isRepeat() ? mti.substring(0, 3) + "0" : mti;
  }

  /** The card number from field 2, else from track 2 (field 35) up to its separator. */
  Optional<String> pan() {
    String pan = values.get(2);
    if (pan != null) {
      return Optional.of(pan);
    }
    String track2 = values.get(35);
    if (track2 == null) {
      return Optional.empty();
    }
    int end = 0;
    while (end < track2.length() && Character.isDigit(track2.charAt(end))) {
      end++;
    }
    return end == 0 ? Optional.empty() : Optional.of(track2.substring(0, end));
  }

  OptionalLong amount() {
    String amount = values.get(4);
    return amount == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(amount));
  }

  /** The first two digits of the processing code (field 3), or "" without one. */
  String transactionKind() {
    String code = values.get(3);
    return code == null || code.length() < 2 ? "" : code.substring(0, 2);
  }

  /** Field 25, the POS condition code. */
  String conditionCode() {
    return values.getOrDefault(25, "");
  }

  /** UnionPay field 60.3, the network management information code, where the profile has it. */
  Optional<String> networkCode() {
    return subfield(60, 3);
  }

  /** UnionPay field 60.1, the transaction type code, where the profile has it. */
  Optional<String> transactionTypeCode() {
    return subfield(60, 1);
  }

  /**
   * The trace number of the original this request refers to: field 90.2 where present, else
   * UnionPay field 61.2 unless zero (a completion may come from another terminal and leave it
   * zero).
   */
  Optional<String> originalStan() {
    Optional<String> iso = originalDataStan();
    if (iso.isPresent()) {
      return iso;
    }
    return subfield(61, 2).filter(stan -> !stan.equals(ZERO_STAN));
  }

  /** The original trace number from the ISO original data elements (field 90.2) only. */
  Optional<String> originalDataStan() {
    return subfield(90, 2);
  }

  /** The MTI class (1, 2) of the original per field 90.1, if present. */
  Optional<Integer> originalMtiClass() {
    return subfield(90, 1).filter(m -> m.length() == 4).map(m -> m.charAt(1) - '0');
  }

  private Optional<String> subfield(int field, int subfield) {
    if (!values.containsKey(field)
        || !profile.spec().field(field).map(f -> f.isComposite()).orElse(false)) {
      return Optional.empty();
    }
    List<String> parts = decoded.readSubfields(field);
    return parts.size() >= subfield ? Optional.of(parts.get(subfield - 1)) : Optional.empty();
  }

  /** What a log line may show of the card. */
  String maskedPan() {
    return pan().map(Cards::mask).orElse("-");
  }
}
