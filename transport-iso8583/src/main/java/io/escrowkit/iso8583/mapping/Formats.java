package io.escrowkit.iso8583.mapping;

import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import io.escrowkit.device.EntryMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Field values from SDK values: zero-padded numbers, dates and times, codes. Stateless. */
final class Formats {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMdd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
  private static final DateTimeFormatter TRANSMISSION =
      DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyMM");

  private Formats() {}

  /** {@code value} as {@code width} digits, zeros in front. */
  static String digits(long value, int width) {
    String text = Long.toString(value);
    if (value < 0 || text.length() > width) {
      throw new IllegalArgumentException(value + " does not fit " + width + " digits");
    }
    StringBuilder out = new StringBuilder(width);
    for (int i = text.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(text).toString();
  }

  /** The trace as field 11 carries it: six digits. */
  static String trace(long trace) {
    return digits(trace, 6);
  }

  /** Local transaction date, MMdd (field 13), in the terminal's zone. */
  static String localDate(Instant at, ZoneId zone) {
    return DATE.withZone(zone).format(at);
  }

  /** Local transaction time, HHmmss (field 12), in the terminal's zone. */
  static String localTime(Instant at, ZoneId zone) {
    return TIME.withZone(zone).format(at);
  }

  /** Transmission date and time, MMddHHmmss in UTC, as ISO 8583 defines field 7. */
  static String transmission(Instant at) {
    return TRANSMISSION.format(at);
  }

  /** Expiry date, YYMM (field 14). */
  static String expiry(YearMonth expiry) {
    return EXPIRY.format(expiry);
  }

  /** Currency code (field 49): the ISO 4217 numeric code, three digits ("156" for CNY). */
  static String currency(Money amount) {
    return digits(amount.currency().getNumericCode(), 3);
  }

  /**
   * The PAN entry mode, two digits of field 22. UnionPay POS sends 02 for a magnetic stripe read
   * where ISO 8583:1987 usage has 90 (see {@link EntryMode}).
   */
  static String entryMode(CardData card, Dialect dialect) {
    if (card.entryMode() == EntryMode.MAGSTRIPE && dialect == Dialect.UNIONPAY_POS) {
      return "02";
    }
    return card.entryMode().posEntryModeCode();
  }
}
