package io.escrowkit.memory;

import io.escrowkit.Money;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.OriginalRequest;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A transport with a tiny acquirer behind it, in memory, with fault injection: for the core's own
 * tests and the demo. Not a host simulator (the {@code simulator} module is); it answers at once,
 * keeps a {@link HostLedger}, undoes reversed requests, answers a reversal whose original it never
 * saw with 25 and a cancel of a hold it no longer keeps frozen with 22. Threadsafe.
 */
public final class InMemoryTransport implements Transport {
  private final FaultPlan plan;
  private final Function<TransportRequest, Optional<String>> declineRule;
  private final HostLedger ledger = new HostLedger();
  private final Map<RequestType, Deque<Fault>> scripted = new EnumMap<>(RequestType.class);
  private final Map<String, Applied> applied = new HashMap<>();
  private final Map<RequestType, Integer> received = new EnumMap<>(RequestType.class);
  private long authorizations;
  private int reversalsApplied;

  private record Applied(String escrowId, UnaryOperator<HostLedger.Entry> undo) {}

  private final boolean carriesFinalCaptureMarker;

  private InMemoryTransport(FaultPlan plan,
      Function<TransportRequest, Optional<String>> declineRule, boolean carriesFinalCaptureMarker) {
    this.plan = plan;
    this.declineRule = declineRule;
    this.carriesFinalCaptureMarker = carriesFinalCaptureMarker;
  }

  private InMemoryTransport(
      FaultPlan plan, Function<TransportRequest, Optional<String>> declineRule) {
    this(plan, declineRule, true);
  }

  /** Approves everything, no faults. */
  public static InMemoryTransport approvingAll() {
    return new InMemoryTransport(FaultPlan.none(), request -> Optional.empty());
  }

  /**
   * @param plan which requests meet which fault
   * @param declineRule the response code the host declines a hold, capture or completion advice
   *     with, if any
   */
  public static InMemoryTransport create(
      FaultPlan plan, Function<TransportRequest, Optional<String>> declineRule) {
    return new InMemoryTransport(
        Objects.requireNonNull(plan, "plan"), Objects.requireNonNull(declineRule, "declineRule"));
  }

  /**
   * A new transport (its own, empty ledger) with this one's faults and declines that, like an ISO
   * 8583:1987 link, cannot tell the host a capture is the last one: its host treats every capture
   * as one of several (a multi-capture scheme), keeping the rest of the hold frozen until a cancel
   * or until captures use it up.
   */
  public InMemoryTransport withoutFinalCaptureMarker() {
    return new InMemoryTransport(plan, declineRule, false);
  }

  @Override
  public String name() {
    return "in-memory";
  }

  /** True unless made by {@link #withoutFinalCaptureMarker()}. */
  @Override
  public boolean carriesFinalCaptureMarker() {
    return carriesFinalCaptureMarker;
  }

  /** The next request of {@code type} meets {@code fault}, whatever the plan says. */
  public synchronized void injectNext(RequestType type, Fault fault) {
    scripted.computeIfAbsent(type, t -> new ArrayDeque<>()).add(fault);
  }

  public HostLedger ledger() {
    return ledger;
  }

  /** How many requests of {@code type} reached the transport (lost ones included). */
  public synchronized int received(RequestType type) {
    return received.getOrDefault(type, 0);
  }

  /** How many reversals undid something on the host. */
  public synchronized int reversalsApplied() {
    return reversalsApplied;
  }

  @Override
  public CompletableFuture<TransportOutcome> send(TransportRequest request) {
    Fault fault;
    TransportOutcome answer;
    synchronized (this) {
      received.merge(request.type(), 1, Integer::sum);
      Deque<Fault> queue = scripted.get(request.type());
      fault = queue != null && !queue.isEmpty() ? queue.poll() : plan.faultFor(request);
      if (fault == Fault.REQUEST_LOST) {
        return CompletableFuture.completedFuture(
            TransportOutcome.unknown(UnknownReason.TIMEOUT, "no answer (request lost)"));
      }
      answer = apply(request);
    }
    switch (fault) {
      case RESPONSE_LOST:
        return done(TransportOutcome.unknown(UnknownReason.TIMEOUT, "no answer (response lost)"));
      case CONNECTION_RESET:
        return done(TransportOutcome.unknown(UnknownReason.CONNECTION_LOST, "connection reset"));
      case BAD_MAC:
        return done(TransportOutcome.unknown(UnknownReason.BAD_MAC, "response MAC mismatch"));
      case HANG:
        return new CompletableFuture<>();
      default:
        return done(answer);
    }
  }

  private static CompletableFuture<TransportOutcome> done(TransportOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }

  private TransportOutcome apply(TransportRequest request) {
    if (request.type() == RequestType.REVERSAL) {
      return reverse(request.terminalId(), request.original().get());
    }
    String escrowId = request.escrowId();
    boolean advice = request.repeat() || request.type() == RequestType.CAPTURE_ADVICE;
    if (advice && applied.containsKey(key(request.terminalId(), request.trace(), request.type()))) {
      return TransportOutcome.fromResponseCode("00", Map.of()); // an advice is applied once
    }
    if (request.type() != RequestType.HOLD && !ledger.has(escrowId)) {
      return TransportOutcome.fromResponseCode("12", Map.of());
    }
    Optional<String> decline = declineRule.apply(request);
    if (decline.isPresent()) {
      return TransportOutcome.fromResponseCode(decline.get(), Map.of());
    }
    Money amount = request.amount();
    Map<String, String> references = Map.of();
    UnaryOperator<HostLedger.Entry> undo;
    switch (request.type()) {
      case HOLD:
        ledger.hold(escrowId, amount);
        authorizations++;
        references = Map.of(
            HostReference.AUTHORIZATION_CODE, String.format("%06d", authorizations % 1_000_000),
            HostReference.RETRIEVAL_REFERENCE, String.format("%012d", authorizations),
            HostReference.ORIGINAL_TRACE, Long.toString(request.trace()));
        undo = e -> new HostLedger.Entry(e.held(), e.captured(), e.refunded(), e.released(), true);
        break;
      case CAPTURE:
      case CAPTURE_ADVICE:
        boolean completes = carriesFinalCaptureMarker && request.completesHold();
        ledger.update(escrowId, e -> new HostLedger.Entry(e.held(), e.captured().plus(amount),
            e.refunded(), e.released() || completes, e.reversed()));
        undo = e -> new HostLedger.Entry(e.held(), e.captured().minus(amount), e.refunded(),
            e.released() && !completes, e.reversed());
        break;
      case RELEASE:
        if (!ledger.entry(escrowId).map(HostLedger.Entry::holdActive).orElse(false)) {
          return TransportOutcome.fromResponseCode("22", Map.of()); // nothing frozen to cancel
        }
        ledger.update(escrowId, e -> new HostLedger.Entry(
            e.held(), e.captured(), e.refunded(), true, e.reversed()));
        undo = e -> new HostLedger.Entry(e.held(), e.captured(), e.refunded(), false, e.reversed());
        break;
      case VOID_CAPTURE:
        // A void restores the hold (both built-in profiles): what the capture released is held again.
        boolean wasReleased = ledger.entry(escrowId).map(HostLedger.Entry::released).orElse(false);
        ledger.update(escrowId, e -> new HostLedger.Entry(
            e.held(), e.captured().minus(amount), e.refunded(), false, e.reversed()));
        undo = e -> new HostLedger.Entry(
            e.held(), e.captured().plus(amount), e.refunded(), wasReleased, e.reversed());
        break;
      case REFUND:
        ledger.update(escrowId, e -> new HostLedger.Entry(
            e.held(), e.captured(), e.refunded().plus(amount), e.released(), e.reversed()));
        undo = e -> new HostLedger.Entry(
            e.held(), e.captured(), e.refunded().minus(amount), e.released(), e.reversed());
        break;
      default:
        throw new IllegalStateException("unexpected " + request.type());
    }
    applied.put(key(request.terminalId(), request.trace(), request.type()),
        new Applied(escrowId, undo));
    return TransportOutcome.fromResponseCode("00", references);
  }

  private TransportOutcome reverse(String terminalId, OriginalRequest original) {
    Applied done = applied.remove(key(terminalId, original.trace(), original.type()));
    if (done == null) {
      return TransportOutcome.fromResponseCode("25", Map.of());
    }
    ledger.update(done.escrowId(), done.undo());
    reversalsApplied++;
    return TransportOutcome.fromResponseCode("00", Map.of());
  }

  private static String key(String terminalId, long trace, RequestType type) {
    return terminalId + "/" + trace + "/" + type;
  }
}
