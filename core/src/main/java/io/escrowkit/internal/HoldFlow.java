package io.escrowkit.internal;

import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.OperationStatus;
import io.escrowkit.PendingRequest;
import io.escrowkit.TransitionEvent;
import io.escrowkit.failure.Failure;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskDecision;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hold, from the risk checks to the recorded answer: risk chain, then the intent (escrow in
 * HOLD_PENDING and the idempotency key) journaled before the pre-authorization leaves, then the
 * outcome journaled by {@link Settlement}.
 */
final class HoldFlow {
  private static final Logger log = LoggerFactory.getLogger(HoldFlow.class);
  private final EngineContext context;
  private final IdempotencyGuard guard;
  private final Settlement settlement;
  private final ReversalWorker reversals;

  HoldFlow(EngineContext context, IdempotencyGuard guard, Settlement settlement,
      ReversalWorker reversals) {
    this.context = context;
    this.guard = guard;
    this.settlement = settlement;
    this.reversals = reversals;
  }

  CompletableFuture<EscrowResult> hold(HoldSpec spec) {
    context.ensureRunning();
    String cardToken = context.tokenizer.token(spec.card().pan());
    // By the token, as fingerprints were written before, when the application gave the key; else
    // by the masked number, so that a restart does not refuse a faithful retry as a conflict.
    String card = context.tokenizer.identity(cardToken, spec.card().maskedPan());
    String fingerprint = "HOLD amount=" + spec.amount() + " reference=" + spec.reference()
        + " card=" + card + " merchant=" + context.config.merchantId() + " terminal="
        + context.config.terminalId();
    return guard.run(spec.key(), fingerprint,
        () -> reversals.clearFor(context.config.terminalId(), "")
            .thenCompose(clear -> first(spec, cardToken, fingerprint)));
  }

  private CompletableFuture<EscrowResult> first(
      HoldSpec spec, String cardToken, String fingerprint) {
    Instant now = context.clock.instant();
    String escrowId = context.ids.escrowId();
    RiskContext risk = new RiskContext(context.config.merchantId(), context.config.terminalId(),
        spec.amount(), cardToken, spec.card().maskedPan(), spec.reference(), now);
    // riskOf(escrow) rebuilds this from the escrow written below: keep the two in step.
    RiskDecision decision = context.risk.evaluateAndAccept(risk);
    IdempotencyRecord intent =
        new IdempotencyRecord(spec.key(), fingerprint, escrowId, Operation.HOLD, Optional.empty());
    if (decision.refusal().isPresent()) {
      return CompletableFuture.completedFuture(
          refuse(spec, cardToken, escrowId, intent, decision, now));
    }
    long trace = context.traces.next(context.config.terminalId());
    PendingRequest request = new PendingRequest(Operation.HOLD, context.ids.operationId(),
        spec.key(), spec.amount(), false, trace, now);
    EscrowSnapshot pending = newEscrow(spec, cardToken, escrowId, EscrowState.HOLD_PENDING,
        Optional.of(request), now);
    try {
      context.write(JournalWrite.of(pending, created(pending,
          "hold requested: " + spec.amount() + ", card " + spec.card().maskedPan() + " ("
              + spec.card().entryMode() + ")", now))
          .withIdempotency(intent));
    } catch (JournalConflictException raced) {
      withdraw(context, risk); // not sent: the run that has the key counted its own
      return guard.replay(context.journal.idempotency(spec.key()).orElseThrow(() -> raced),
          spec.key(), fingerprint);
    }
    TransportRequest toHost = TransportRequest.builder(RequestType.HOLD)
        .operationId(request.operationId())
        .escrow(escrowId, context.config.merchantId(), context.config.terminalId())
        .trace(trace)
        .transmittedAt(now)
        .deadline(now.plus(context.config.requestTimeout()))
        .amount(spec.amount())
        .holdAmount(spec.amount())
        .card(Optional.of(spec.card()))
        .pinBlock(spec.pinBlock())
        .build();
    return context.send(toHost).thenApply(outcome -> {
      EscrowResult result = settlement.settleUnlessOvertaken(pending, intent, outcome);
      if (result.status() == OperationStatus.DECLINED) {
        withdraw(context, risk); // a declined hold must not count against the card's retry
      } else if (result.status() == OperationStatus.APPROVED
          && spec.amount().isGreaterThan(result.snapshot().held())) {
        countAsApproved(context, risk, result.snapshot().held()); // a partial approval (10)
      }
      return result;
    });
  }

  /**
   * Withdraws {@code risk} from the risk history; a history that fails (a custom one, backed by a
   * database that is down) is logged, never allowed to hold up the escrow's own bookkeeping.
   */
  static void withdraw(EngineContext context, RiskContext risk) {
    try {
      context.risk.withdraw(risk);
    } catch (RuntimeException failed) {
      log.error("the risk history could not withdraw the hold of {} ({}); it keeps counting"
          + " against the card", risk.maskedPan(), risk.reference(), failed);
    }
  }

  /**
   * Counts a hold the host approved for less than asked at the amount it holds: the record for
   * {@code part} goes in before the one for the amount asked goes out, so that the card never
   * counts less than the host holds. A history that fails is logged; the hold keeps counting as
   * asked.
   */
  private static void countAsApproved(EngineContext context, RiskContext asked, Money part) {
    RiskContext approved = new RiskContext(asked.merchantId(), asked.terminalId(), part,
        asked.cardToken(), asked.maskedPan(), asked.reference(), asked.at());
    try {
      context.risk.accept(approved);
    } catch (RuntimeException failed) {
      log.error("the risk history could not count the partly approved hold of {} ({}) at {}; it"
          + " keeps counting as asked", asked.maskedPan(), asked.reference(), part, failed);
      return;
    }
    withdraw(context, asked);
  }

  /**
   * The risk record of a hold still pending or in doubt, as {@link #first} made it: the hold's
   * request amount, and the time the escrow was created, which is the time the record was made.
   */
  static RiskContext riskOf(EscrowSnapshot hold) {
    return new RiskContext(hold.merchantId(), hold.terminalId(),
        hold.pending().map(PendingRequest::amount).orElse(hold.held()), hold.cardToken(),
        hold.maskedPan(), hold.reference(), hold.createdAt());
  }

  private EscrowResult refuse(HoldSpec spec, String cardToken, String escrowId,
      IdempotencyRecord intent, RiskDecision decision, Instant now) {
    var refusal = decision.refusal().get();
    EscrowSnapshot declined =
        newEscrow(spec, cardToken, escrowId, EscrowState.DECLINED, Optional.empty(), now);
    Failure failure =
        Failure.riskRefusal(refusal.ruleName(), refusal.reasonCode(), refusal.detail());
    EscrowResult result = new EscrowResult(escrowId, Operation.HOLD, OperationStatus.REFUSED,
        declined, Optional.of(failure), Optional.empty(), spec.key());
    String cause = "refused by risk rule " + refusal.ruleName() + " (" + refusal.reasonCode() + ")";
    context.write(JournalWrite.of(declined, created(declined, cause, now))
        .withIdempotency(intent.withResult(result)));
    return result;
  }

  private EscrowSnapshot newEscrow(HoldSpec spec, String cardToken, String escrowId,
      EscrowState state, Optional<PendingRequest> request, Instant now) {
    return new EscrowSnapshot(escrowId, spec.reference(), context.config.merchantId(),
        context.config.terminalId(), spec.card().maskedPan(), cardToken,
        context.config.profile().name(), state, spec.amount(), java.util.List.of(),
        io.escrowkit.Money.zero(spec.amount().currency()), now, now,
        now.plus(context.config.profile().holdValidity()), Map.of(), request, Optional.empty(), 1);
  }

  private static TransitionEvent created(EscrowSnapshot escrow, String cause, Instant now) {
    return new TransitionEvent(escrow.id(), 1, Optional.empty(), escrow.state(), cause, now);
  }
}
