package io.escrowkit.simulator.functional;

import static io.escrowkit.simulator.functional.SdkLoopback.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Operation;
import io.escrowkit.OperationStatus;
import io.escrowkit.SchemeProfile;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.iso8583.IsoTransportBuilder;
import io.escrowkit.iso8583.mapping.CaptureMode;
import io.escrowkit.iso8583.mapping.IsoHostReferences;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.Exchange;
import io.escrowkit.simulator.Fault;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.PostingType;
import io.escrowkit.spi.HostReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store and forward across a restart, over TCP against the simulator, with the journal in SQLite:
 * an advice sent while the host drops every answer goes again, as 0221, from the next run of the
 * terminal, and the host books the capture exactly once and closes the hold (under ISO 87 and a
 * multi-capture scheme, by the cancel of the rest that follows an offline final capture).
 */
class StoreAndForwardRestartTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
  private final Queue<CompletableFuture<Exchange>> adviceSeen = new ConcurrentLinkedQueue<>();
  private AcquirerSimulator host;
  private JournaledTerminal terminal;

  @BeforeEach
  void startHost() {
    startHost(HostProfile.CUP);
  }

  private void startHost(HostProfile profile) {
    if (host != null) {
      host.close();
    }
    host =
        AcquirerSimulator.builder()
            .profile(profile)
            .seed(8583)
            .requireMac(true)
            .listener(this::onExchange)
            .start();
  }

  @AfterEach
  void stop() {
    if (terminal != null) {
      terminal.close();
    }
    host.close();
  }

  private void onExchange(Exchange exchange) {
    exchanges.add(exchange);
    if (exchange.transaction().equals("COMPLETION_ADVICE")) {
      CompletableFuture<Exchange> waiting;
      while ((waiting = adviceSeen.poll()) != null) {
        waiting.complete(exchange);
      }
    }
  }

  private CompletableFuture<Exchange> nextAdvice() {
    CompletableFuture<Exchange> seen = new CompletableFuture<>();
    adviceSeen.add(seen);
    return seen;
  }

  private JournaledTerminal startTerminal(
      SchemeProfile scheme, UnaryOperator<IsoTransportBuilder> transport) {
    terminal = new JournaledTerminal(host, dir.resolve("journal.db"), scheme, transport);
    return terminal;
  }

  /** The terminal goes down; the host answers again; the terminal starts on the same journal. */
  private JournaledTerminal restart(
      SchemeProfile scheme, UnaryOperator<IsoTransportBuilder> transport) {
    terminal.close();
    terminal = null;
    host.faults().clear();
    return startTerminal(scheme, transport);
  }

  /** The completion advices the simulator read, in order: MTI and its answer's code. */
  private List<String> advices() {
    return exchanges.stream()
        .filter(e -> e.transaction().equals("COMPLETION_ADVICE"))
        .map(e -> e.requestMti() + " " + e.responseCode().orElse("-"))
        .collect(Collectors.toList());
  }

  private Escrow hold(JournaledTerminal run) {
    return run.client.hold(cny("128.00")).reference("room-1208")
        .card(TestCards.unionPayChip()).execute();
  }

  @Test
  void anOfflineCaptureIsAdvisedAfterARestartAndBookedOnce() throws Exception {
    SchemeProfile scheme = SchemeProfile.unionPay();
    JournaledTerminal first = startTerminal(scheme, b -> b);
    Escrow held = hold(first);
    host.faults().inject(Fault.NO_RESPONSE, 1.0);
    CompletableFuture<Exchange> firstAdvice = nextAdvice();

    Escrow captured = held.capture(cny("100.00")).offline().execute();

    assertThat(captured.result().get().status()).isEqualTo(OperationStatus.APPROVED);
    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(firstAdvice.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS).requestMti())
        .isEqualTo("0220");
    int beforeRestart = advices().size();

    JournaledTerminal second = restart(scheme, b -> b);

    second.events.awaitLeaving(
        held.id(), EscrowState.CAPTURED, captured.snapshot().version(), LIMIT);
    List<String> advices = advices();
    assertThat(advices.get(0)).startsWith("0220");
    assertThat(advices.subList(1, advices.size())).allMatch(line -> line.startsWith("0221"));
    assertThat(advices.subList(beforeRestart, advices.size())).contains("0221 00");
    Escrow after = second.client.escrow(held.id()).get();
    assertThat(after.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(after.snapshot().hostReferences())
        .containsKey(IsoHostReferences.CAPTURE_RETRIEVAL_REFERENCE);
    assertThat(second.journal.pendingWork()).isEmpty();
    assertBookedOnce(after, PostingType.COMPLETION_ADVICE);
  }

  @Test
  void aForwardedCaptureWhoseAnswerWasLostIsForwardedAfterARestartAndBookedOnce()
      throws Exception {
    SchemeProfile scheme =
        SchemeProfile.unionPay().toBuilder()
            .forwarded(Set.of(Operation.REFUND, Operation.CAPTURE))
            .build();
    UnaryOperator<IsoTransportBuilder> advices =
        b -> b.captureMode(CaptureMode.ADVICE, Duration.ofMillis(300));
    JournaledTerminal first = startTerminal(scheme, advices);
    Escrow held = hold(first);
    host.faults().inject(Fault.NO_RESPONSE, 1.0);

    Escrow pending = held.capture(cny("100.00")).execute();

    assertThat(pending.result().get().status()).isEqualTo(OperationStatus.IN_DOUBT);
    assertThat(pending.state()).isEqualTo(EscrowState.CAPTURE_PENDING);
    assertThat(advices()).first().asString().startsWith("0220");
    int beforeRestart = advices().size();

    JournaledTerminal second = restart(scheme, advices);

    second.events.awaitLeaving(
        held.id(), EscrowState.CAPTURE_PENDING, pending.snapshot().version(), LIMIT);
    List<String> sent = advices();
    assertThat(sent.subList(1, sent.size())).allMatch(line -> line.startsWith("0221"));
    assertThat(sent.subList(beforeRestart, sent.size())).contains("0221 00");
    Escrow after = second.client.escrow(held.id()).get();
    assertThat(after.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(second.journal.pendingWork()).isEmpty();
    assertThat(exchanges).noneMatch(e -> e.transaction().equals("REVERSAL"));
    assertBookedOnce(after, PostingType.COMPLETION_ADVICE);
  }

  @Test
  void anOfflineFinalCaptureOverIso87IsAdvisedAfterARestartThenTheRestIsCancelled()
      throws Exception {
    startHost(HostProfile.ISO87_BINARY);
    SchemeProfile scheme = SchemeProfile.genericCard();
    JournaledTerminal first = startTerminal(scheme, b -> b);
    Escrow held = hold(first);
    host.faults().inject(Fault.NO_RESPONSE, 1.0);
    CompletableFuture<Exchange> firstAdvice = nextAdvice();

    Escrow captured = held.capture(cny("100.00")).finalCapture().offline().execute();

    assertThat(captured.state()).isEqualTo(EscrowState.CAPTURED);
    assertThat(firstAdvice.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS).requestMti())
        .isEqualTo("0220");

    JournaledTerminal second = restart(scheme, b -> b);

    second.events.awaitCause(held.id(), "remainder 28.00 CNY released (00)", LIMIT);
    List<String> advices = advices();
    assertThat(advices.get(0)).startsWith("0220");
    assertThat(advices.subList(1, advices.size())).allMatch(line -> line.startsWith("0221"));
    assertThat(advices).contains("0221 00");
    List<String> wire = exchanges.stream()
        .filter(e -> !e.transaction().equals("COMPLETION_ADVICE"))
        .map(Exchange::transaction)
        .collect(Collectors.toList());
    assertThat(wire).containsSubsequence("PRE_AUTH", "PRE_AUTH_CANCEL")
        .doesNotContain("REVERSAL", "COMPLETION");
    assertThat(second.journal.pendingWork()).isEmpty();
    String code = captured.snapshot().hostReferences().get(HostReference.AUTHORIZATION_CODE);
    Authorization auth = host.ledger().authorization(code).get();
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.COMPLETED);
    assertThat(auth.captured()).isEqualTo(10_000);
    assertThat(auth.frozen()).isZero();
    assertThat(host.ledger().postings())
        .filteredOn(p -> p.authCode().equals(code) && !p.reversed())
        .extracting(p -> p.type() + " " + p.amount())
        .containsExactly("HOLD 12800", "COMPLETION_ADVICE 10000", "CANCEL 2800");
  }

  private void assertBookedOnce(Escrow escrow, PostingType type) {
    String code = escrow.snapshot().hostReferences().get(HostReference.AUTHORIZATION_CODE);
    Authorization auth = host.ledger().authorization(code).get();
    assertThat(auth.status()).isEqualTo(AuthorizationStatus.COMPLETED);
    assertThat(auth.captured()).isEqualTo(10_000);
    assertThat(auth.frozen()).isZero();
    assertThat(host.ledger().capturedTotal()).isEqualTo(10_000);
    assertThat(host.ledger().postings())
        .filteredOn(p -> p.authCode().equals(code) && p.type() == type && !p.reversed())
        .hasSize(1);
    assertThat(host.ledger().duplicateAdvicesIgnored()).isGreaterThanOrEqualTo(1);
  }
}
