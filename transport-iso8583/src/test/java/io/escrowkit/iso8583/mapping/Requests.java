package io.escrowkit.iso8583.mapping;

import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import io.escrowkit.device.PinBlock;
import io.escrowkit.device.PinBlockFormat;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.OriginalRequest;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Transport requests as the core builds them, for the mapping tests. */
public final class Requests {
  /** 2025-03-14 02:15:30 UTC: 10:15:30 in Shanghai. */
  public static final Instant SENT = Instant.parse("2025-03-14T02:15:30Z");

  public static final String TERMINAL = "TERM0001";
  public static final String MERCHANT = "898310048990001";
  public static final Money HELD = Money.of("128.00", "CNY");
  public static final byte[] TEST_PIN_BLOCK = {1, 2, 3, 4, 5, 6, 7, 8};

  /** What the hold's approval returned (trace 123, batch 1, date 0314). */
  public static final Map<String, String> HOLD_REFERENCES =
      Map.of(
          HostReference.AUTHORIZATION_CODE, "AB1234",
          HostReference.RETRIEVAL_REFERENCE, "000000000777",
          HostReference.ORIGINAL_TRACE, "000123",
          HostReference.ORIGINAL_BATCH, "000001",
          HostReference.ORIGINAL_DATE, "0314",
          IsoHostReferences.ORIGINAL_TRANSMISSION, "0314021530");

  private Requests() {}

  public static CardData chipCard() {
    return TestCards.unionPayChip();
  }

  public static TransportRequest hold(long trace, CardData card, Optional<PinBlock> pin) {
    return request(
        RequestType.HOLD,
        trace,
        HELD,
        Optional.of(card),
        pin,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  public static TransportRequest holdWithPin(long trace) {
    return hold(
        trace,
        chipCard(),
        Optional.of(new PinBlock(TEST_PIN_BLOCK, PinBlockFormat.ISO_0, "TEST_PIN_KEY")));
  }

  public static TransportRequest followUp(
      RequestType type, long trace, Money amount, Map<String, String> references) {
    return request(
        type,
        trace,
        amount,
        Optional.empty(),
        Optional.empty(),
        references,
        Optional.empty(),
        Optional.empty(),
        type == RequestType.CAPTURE);
  }

  public static TransportRequest reversal(
      RequestType originalType,
      long originalTrace,
      Money amount,
      String reason,
      Map<String, String> references) {
    OriginalRequest original =
        new OriginalRequest(originalType, "op-original", originalTrace, SENT, amount);
    return new TransportRequest(
        RequestType.REVERSAL,
        "op-reversal",
        "escrow-1",
        MERCHANT,
        TERMINAL,
        originalTrace,
        SENT.plusSeconds(90),
        SENT.plusSeconds(90),
        SENT.plusSeconds(150),
        amount,
        HELD,
        Optional.empty(),
        Optional.empty(),
        references,
        Optional.of(original),
        Optional.of(reason),
        false,
        false);
  }

  public static TerminalSession session(long firstTrace) {
    long[] next = {firstTrace};
    return new TerminalSession(
        MERCHANT, TERMINAL, () -> next[0]++, 1, Clock.fixed(SENT, ZoneOffset.UTC));
  }

  private static TransportRequest request(
      RequestType type,
      long trace,
      Money amount,
      Optional<CardData> card,
      Optional<PinBlock> pin,
      Map<String, String> references,
      Optional<OriginalRequest> original,
      Optional<String> reason,
      boolean completes) {
    return new TransportRequest(
        type,
        "op-" + trace,
        "escrow-1",
        MERCHANT,
        TERMINAL,
        trace,
        SENT,
        SENT,
        SENT.plusSeconds(60),
        amount,
        HELD,
        card,
        pin,
        references,
        original,
        reason,
        completes,
        false);
  }
}
