package io.escrowkit.simulator.functional;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.SchemeProfile;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.iso8583.IsoTransportBuilder;
import io.escrowkit.iso8583.mapping.Dialect;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.Exchange;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.SimulatorBuilder;
import io.escrowkit.spi.HostReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The whole path over real loopback TCP: an {@link EscrowClient} (in-memory journal) over an {@link
 * IsoTransport} to an {@link AcquirerSimulator} on an ephemeral port, both sides MACing with the
 * software secure module's test key. Closed together. Threadsafe as its parts are.
 */
final class SdkLoopback implements AutoCloseable {
  static final String MERCHANT = "898310048990001";
  static final String TERMINAL = "10000001";

  final HostProfile profile;
  final AcquirerSimulator host;
  final InMemoryJournal journal = new InMemoryJournal();
  final IsoTransport transport;
  final EscrowClient client;
  final EscrowEvents events = new EscrowEvents();
  private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
  private final List<ExchangeWaiter> exchangeWaiters = new ArrayList<>();

  private record ExchangeWaiter(String transaction, CompletableFuture<Exchange> done) {}

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

  /** What a test may change; the defaults suit the lifecycle tests. */
  record Options(
      HostProfile profile,
      SchemeProfile sdkScheme,
      Duration requestTimeout,
      UnaryOperator<SimulatorBuilder> host,
      UnaryOperator<IsoTransportBuilder> transport) {

    static Options of(HostProfile profile) {
      return new Options(profile, defaultScheme(profile), Duration.ofSeconds(5), b -> b, b -> b);
    }

    Options sdkScheme(SchemeProfile scheme) {
      return new Options(profile, scheme, requestTimeout, host, transport);
    }

    Options requestTimeout(Duration timeout) {
      return new Options(profile, sdkScheme, timeout, host, transport);
    }

    Options host(UnaryOperator<SimulatorBuilder> more) {
      return new Options(profile, sdkScheme, requestTimeout, more, transport);
    }

    Options transport(UnaryOperator<IsoTransportBuilder> more) {
      return new Options(profile, sdkScheme, requestTimeout, host, more);
    }
  }

  SdkLoopback(Options options) {
    this.profile = options.profile();
    this.host =
        options
            .host()
            .apply(AcquirerSimulator.builder().profile(profile).seed(8583))
            .requireMac(true)
            .listener(this::onExchange)
            .start();
    this.transport =
        options
            .transport()
            .apply(transportTo(host, () -> journal.nextTrace(TERMINAL)))
            .build();
    this.client =
        EscrowClient.builder()
            .merchant(MERCHANT, TERMINAL)
            .transport(transport)
            .journal(journal)
            .profile(options.sdkScheme())
            .scheduler(scheduler)
            .random(new Random(11))
            .requestTimeout(options.requestTimeout())
            .reversalBackoff(Duration.ofMillis(5), Duration.ofMillis(100))
            .listener(events)
            .build();
  }

  static SdkLoopback start(HostProfile profile) {
    return new SdkLoopback(Options.of(profile));
  }

  /**
   * A transport to {@code host} in its dialect for the test terminal, MACing with the test key,
   * signing on at connect, taking trace numbers from {@code traces}.
   */
  static IsoTransportBuilder transportTo(AcquirerSimulator host, LongSupplier traces) {
    return IsoTransport.builder()
        .connect("127.0.0.1", host.port())
        .dialect(dialect(host.profile()))
        .terminal(MERCHANT, TERMINAL, traces)
        .mac(
            SoftwareSecureModule.withTestKeys(new Random(5)),
            SoftwareSecureModule.TEST_MAC_KEY_ID)
        .signOnOnConnect(true)
        .reconnectBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
        .random(new Random(9));
  }

  static SchemeProfile defaultScheme(HostProfile profile) {
    return profile == HostProfile.CUP ? SchemeProfile.unionPay() : SchemeProfile.genericCard();
  }

  static Dialect dialect(HostProfile profile) {
    switch (profile) {
      case CUP:
        return Dialect.UNIONPAY_POS;
      case ISO87_BINARY:
        return Dialect.ISO87_BINARY;
      default:
        return Dialect.ISO87_ASCII;
    }
  }

  static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  /** A hold on the test UnionPay chip card. */
  Escrow hold(String amount) {
    return client.hold(cny(amount)).reference("room-1208").card(TestCards.unionPayChip()).execute();
  }

  /** The simulator's record of the escrow's pre-authorization, by its authorization code. */
  Authorization authorizationOf(Escrow escrow) {
    String code = escrow.snapshot().hostReferences().get(HostReference.AUTHORIZATION_CODE);
    if (code == null) {
      throw new AssertionError("escrow " + escrow + " has no authorization code");
    }
    return host.ledger()
        .authorization(code)
        .orElseThrow(() -> new AssertionError("the simulator has no authorization " + code));
  }

  private void onExchange(Exchange exchange) {
    exchanges.add(exchange);
    List<CompletableFuture<Exchange>> due = new ArrayList<>();
    synchronized (exchangeWaiters) {
      exchangeWaiters.removeIf(
          w -> w.transaction().equals(exchange.transaction()) && due.add(w.done()));
    }
    due.forEach(done -> done.complete(exchange));
  }

  /** Completes with the next request the simulator reads as {@code transaction}, e.g. "ECHO". */
  CompletableFuture<Exchange> nextExchange(String transaction) {
    CompletableFuture<Exchange> done = new CompletableFuture<>();
    synchronized (exchangeWaiters) {
      exchangeWaiters.add(new ExchangeWaiter(transaction, done));
    }
    return done;
  }

  /**
   * What the simulator made of each request, in order: MTI, the transaction it read, its answer's
   * response code; e.g. {@code "0100 PRE_AUTH 00"}. Sign-on and echo left out.
   */
  List<String> wire() {
    List<String> lines = new ArrayList<>();
    for (Exchange e : exchanges) {
      if (!e.transaction().equals("SIGN_ON") && !e.transaction().equals("ECHO")) {
        lines.add(e.requestMti() + " " + e.transaction() + " " + e.responseCode().orElse("-"));
      }
    }
    return lines;
  }

  /** What the simulator made of each request it read as {@code transaction}, in order. */
  List<Exchange> exchanges(String transaction) {
    List<Exchange> found = new ArrayList<>();
    for (Exchange e : exchanges) {
      if (e.transaction().equals(transaction)) {
        found.add(e);
      }
    }
    return found;
  }

  /** Every escrow the journal holds. */
  List<EscrowSnapshot> escrows() {
    return journal.findByStates(EnumSet.allOf(EscrowState.class));
  }

  /** Waits for the escrow's reversal to be acknowledged; returns where it left the escrow. */
  Escrow awaitReversal(Escrow inDoubt) {
    events.awaitLeaving(
        inDoubt.id(), EscrowState.IN_DOUBT, inDoubt.snapshot().version(), Duration.ofSeconds(20));
    return inDoubt.refresh();
  }

  @Override
  public void close() {
    client.close();
    transport.close();
    host.close();
    scheduler.shutdownNow();
  }
}
