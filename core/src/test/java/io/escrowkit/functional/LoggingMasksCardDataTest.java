package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.CardData;
import io.escrowkit.device.EntryMode;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.FaultPlan;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.testing.Fixture;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Everything the SDK logs, through every path that logs, never shows a PAN or track data. */
class LoggingMasksCardDataTest {
  private static final String PAN = "6200000000000005";
  private static final String TRACK2 = PAN + "=49122011234567890";

  @Test
  void logsShowTheMaskedPanOnly() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    InMemoryTransport host = InMemoryTransport.create(FaultPlan.none(), r -> Optional.empty());
    CardData card = CardData.builder().pan(PAN).expiry(YearMonth.of(2049, 12))
        .entryMode(EntryMode.MAGSTRIPE).track2(TRACK2).build();
    try (Fixture fixture = new Fixture(host, new ThrowingOnCapture(host), b -> b)) {
      Escrow held = fixture.client.hold(Money.of("99.00", "CNY")).reference("log")
          .card(card).execute();
      host.injectNext(RequestType.REVERSAL, Fault.RESPONSE_LOST);
      held.capture(Money.of("50.00", "CNY")).execute();
      fixture.events.awaitLeaving(held.id(), EscrowState.IN_DOUBT, Duration.ofSeconds(10));
      host.injectNext(RequestType.HOLD, Fault.CONNECTION_RESET);
      fixture.client.hold(Money.of("1.00", "CNY")).reference("log2").card(card).execute();
    } finally {
      root.detachAppender(captured);
    }
    assertThat(captured.list).isNotEmpty();
    assertThat(captured.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("620000******0005"));
    for (ILoggingEvent event : captured.list) {
      String text = event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(text).doesNotContain(PAN).doesNotContain("49122011234567890");
    }
  }

  /**
   * A transport that passes on a device driver's message with a card number in it: the journal's
   * transition causes and the result's failure show it masked.
   */
  @Test
  void aCardNumberInATransportsDetailIsMaskedInTheJournalAndTheFailure() {
    InMemoryTransport host = InMemoryTransport.create(FaultPlan.none(), r -> Optional.empty());
    io.escrowkit.spi.Transport careless = new io.escrowkit.spi.Transport() {
      @Override
      public String name() {
        return "careless";
      }

      @Override
      public CompletableFuture<TransportOutcome> send(TransportRequest request) {
        return request.type() == RequestType.HOLD
            ? CompletableFuture.completedFuture(TransportOutcome.unknown(
                io.escrowkit.spi.UnknownReason.TERMINAL_FAILURE,
                "secure module: bad MAB for " + PAN))
            : host.send(request);
      }
    };
    try (Fixture fixture = new Fixture(host, careless, b -> b)) {
      Escrow inDoubt = fixture.client.hold(Money.of("99.00", "CNY")).reference("careless")
          .card(io.escrowkit.device.simulated.TestCards.unionPayChip()).execute();

      assertThat(inDoubt.failure().get().detail()).doesNotContain(PAN).contains("620000******0005");
      assertThat(fixture.journal.history(inDoubt.id())).isNotEmpty().allSatisfy(
          event -> assertThat(event.cause()).doesNotContain(PAN));
    }
  }

  /** Fails the capture with an exception whose message is what a careless driver might write. */
  private static final class ThrowingOnCapture implements io.escrowkit.spi.Transport {
    private final InMemoryTransport delegate;

    ThrowingOnCapture(InMemoryTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return "throwing";
    }

    @Override
    public CompletableFuture<TransportOutcome> send(TransportRequest request) {
      if (request.type() == RequestType.CAPTURE) {
        throw new IllegalStateException("socket closed while sending " + request);
      }
      return delegate.send(request);
    }
  }
}
