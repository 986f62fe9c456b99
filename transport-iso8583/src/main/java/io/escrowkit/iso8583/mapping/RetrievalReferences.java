package io.escrowkit.iso8583.mapping;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Retrieval reference numbers (field 37) a terminal gives its own requests, where the dialect has
 * the terminal assign them (ISO 8583:1987; UnionPay hosts assign their own): twelve digits, the
 * widely used layout {@code y ddd hh nnnnnn}, the last digit of the year, the day of the year and
 * the hour when the transaction took place (terminal zone), then the request's trace number.
 *
 * <p>Unique per terminal: the trace is drawn from the journal (so unique across restarts) and
 * wraps at 999,999, far more requests than a terminal makes in an hour; the date part wraps after
 * ten years. Made from the request's trace and time alone, which the journal keeps, so a reversal
 * or a repeat rebuilt after a restart carries the same number as its original. Stateless.
 */
final class RetrievalReferences {
  private RetrievalReferences() {}

  /** The reference of the request with {@code trace} transacted at {@code at} in {@code zone}. */
  static String of(long trace, Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return local.getYear() % 10
        + Formats.digits(local.getDayOfYear(), 3)
        + Formats.digits(local.getHour(), 2)
        + Formats.trace(trace);
  }
}
