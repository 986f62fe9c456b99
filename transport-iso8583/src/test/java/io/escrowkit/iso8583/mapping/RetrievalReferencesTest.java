package io.escrowkit.iso8583.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The numbers a terminal gives its requests in field 37: y ddd hh, then the trace. */
class RetrievalReferencesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void dayAndHourArePaddedAndTakenInTheTerminalsZone() {
    Instant newYear = Instant.parse("2026-12-31T16:05:00Z"); // 2027-01-01 00:05 in Shanghai

    assertThat(RetrievalReferences.of(42, newYear, SHANGHAI))
        .isEqualTo("7" + "001" + "00" + "000042");
    assertThat(RetrievalReferences.of(42, newYear, ZoneOffset.UTC))
        .isEqualTo("6" + "365" + "16" + "000042");
  }

  @Test
  void theLastDayOfALeapYearAndTheLastTraceFitTwelveDigits() {
    Instant last = Instant.parse("2028-12-31T23:59:59Z");

    assertThat(RetrievalReferences.of(999_999, last, ZoneOffset.UTC)).isEqualTo("836623999999");
  }

  @Test
  void requestsOfOneTerminalInOneHourDifferByTrace() {
    Instant at = Instant.parse("2026-11-26T09:00:00Z");
    Instant later = Instant.parse("2026-11-26T09:59:59Z");

    assertThat(RetrievalReferences.of(1, at, ZoneOffset.UTC))
        .isNotEqualTo(RetrievalReferences.of(2, later, ZoneOffset.UTC))
        .isEqualTo(RetrievalReferences.of(1, later, ZoneOffset.UTC));
  }
}
