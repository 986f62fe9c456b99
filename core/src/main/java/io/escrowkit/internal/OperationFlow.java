package io.escrowkit.internal;

import io.escrowkit.AdvicePendingException;
import io.escrowkit.Command;
import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.OperationStatus;
import io.escrowkit.PendingRequest;
import io.escrowkit.UnknownEscrowException;
import io.escrowkit.device.CardData;
import io.escrowkit.failure.Failure;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Capture, release, void and refund: serialized per escrow, checked against the transition table
 * and the scheme's rules, journaled as an intent before the request leaves, settled by
 * {@link Settlement}.
 */
final class OperationFlow {
  private final EngineContext context;
  private final IdempotencyGuard guard;
  private final Settlement settlement;
  private final ReversalWorker reversals;

  OperationFlow(EngineContext context, IdempotencyGuard guard, Settlement settlement,
      ReversalWorker reversals) {
    this.context = context;
    this.guard = guard;
    this.settlement = settlement;
    this.reversals = reversals;
  }

  CompletableFuture<EscrowResult> run(OperationSpec spec) {
    context.ensureRunning();
    // Owed reversals of other escrows are settled before taking this escrow's turn, never while
    // holding it: two escrows each waiting on the other's reversal would wait forever.
    Optional<EscrowSnapshot> found = context.journal.find(spec.escrowId());
    String terminalId = found.map(EscrowSnapshot::terminalId).orElse(context.config.terminalId());
    boolean mayOweAdvice = found.map(OfflineCapture::mayOweAdvice).orElse(false);
    // An offline capture sends nothing now, so it does not wait for the terminal's reversals.
    boolean sendsNow = spec.command() != Command.CAPTURE_OFFLINE;
    return guard.run(spec.key(), spec.fingerprint(),
        () -> (sendsNow ? reversals.clearFor(terminalId, spec.escrowId())
                : CompletableFuture.<Void>completedFuture(null))
            .thenCompose(clear -> mayOweAdvice
                ? reversals.adviceFirst(spec.escrowId()) : CompletableFuture.completedFuture(null))
            .thenCompose(clear -> context.serializer.submit(spec.escrowId(), () -> first(spec))));
  }

  private CompletableFuture<EscrowResult> first(OperationSpec spec) {
    EscrowSnapshot escrow = context.journal.find(spec.escrowId())
        .orElseThrow(() -> new UnknownEscrowException(spec.escrowId()));
    boolean offline = spec.command() == Command.CAPTURE_OFFLINE;
    Operation operation = offline ? Operation.CAPTURE : Operation.valueOf(spec.command().name());
    IdempotencyRecord intent = new IdempotencyRecord(
        spec.key(), spec.fingerprint(), escrow.id(), operation, Optional.empty());
    Instant now = context.clock.instant();
    boolean needsLiveHold = spec.command() == Command.CAPTURE || spec.command() == Command.RELEASE
        || offline;
    if (needsLiveHold && context.machine.isExpired(escrow, now)
        && TransitionTable.lookup(escrow.state(), Command.EXPIRE).isLegal()) {
      EscrowSnapshot expired = expire(context, escrow, now);
      return refuse(intent, expired, Failure.operator("HOLD_EXPIRED",
          "escrow " + escrow.id() + ": hold expired at " + escrow.expiresAt()));
    }
    if (OfflineCapture.mayOweAdvice(escrow) && OfflineCapture.owesAdvice(context, escrow.id())) {
      return Futures.failed(new AdvicePendingException(escrow.id()));
    }
    Admission admission = context.machine.admit(escrow, spec.command(), spec.amount(), now);
    if (spec.card().isPresent() && !sameCard(spec.card().get(), escrow)) {
      return refuse(intent, escrow, Failure.operator("CARD_MISMATCH", "escrow " + escrow.id()
          + " was held on card " + escrow.maskedPan() + ", not " + spec.card().get().maskedPan()));
    }
    if (admission.violation().isPresent()) {
      RuleViolation violation = admission.violation().get();
      return refuse(intent, escrow, Failure.operator(violation.code(), violation.detail()));
    }
    Money amount = admission.amount().get();
    long trace = context.traces.next(escrow.terminalId());
    PendingRequest request = new PendingRequest(operation, context.ids.operationId(), spec.key(),
        amount, spec.finalCapture(), trace, now);
    EscrowSnapshot pending = offline
        ? context.machine.captureOffline(escrow, request)
        : context.machine.begin(escrow, spec.command(), request);
    Optional<EscrowResult> approvedOffline =
        offline ? Optional.of(OfflineCapture.result(pending, intent)) : Optional.empty();
    try {
      context.write(offline
          ? OfflineCapture.write(context, escrow, pending, intent, approvedOffline.get(), request)
          : JournalWrite.of(pending, Settlement.event(escrow, pending,
              operation + " requested: " + request.amount(), now)).withIdempotency(intent));
    } catch (JournalConflictException raced) {
      return context.journal.idempotency(spec.key())
          .map(stored -> guard.replay(stored, spec.key(), spec.fingerprint()))
          .orElseGet(() -> Futures.failed(raced));
    }
    if (offline) {
      reversals.wake();
      return CompletableFuture.completedFuture(approvedOffline.get());
    }
    TransportRequest toHost = HostRequests.about(context, escrow,
            RequestType.valueOf(operation.name()), request.operationId(), trace, now)
        .amount(request.amount())
        .card(spec.card())
        .completesHold(spec.command() == Command.CAPTURE
            && context.machine.completesHold(escrow, request.amount(), spec.finalCapture()))
        .build();
    return context.send(toHost)
        .thenApply(outcome -> settlement.settleUnlessOvertaken(pending, intent, outcome));
  }

  private CompletableFuture<EscrowResult> refuse(
      IdempotencyRecord intent, EscrowSnapshot escrow, Failure failure) {
    EscrowResult result = new EscrowResult(escrow.id(), intent.operation(),
        OperationStatus.REFUSED, escrow, Optional.of(failure), Optional.empty(), intent.key());
    context.write(new JournalWrite(Optional.empty(), List.of(),
        Optional.of(intent.withResult(result)), List.of(), List.of()));
    return CompletableFuture.completedFuture(result);
  }

  /** Records that {@code escrow}'s hold lapsed; returns the new snapshot. */
  static EscrowSnapshot expire(EngineContext context, EscrowSnapshot escrow, Instant now) {
    EscrowSnapshot expired = context.machine.expire(escrow, now);
    context.write(JournalWrite.of(expired, Settlement.event(escrow, expired,
        "hold validity passed at " + escrow.expiresAt(), now)));
    return expired;
  }

  /** Whether {@code card} is the escrow's, as {@link CardTokenizer#identity} names cards. */
  private boolean sameCard(CardData card, EscrowSnapshot escrow) {
    CardTokenizer tokenizer = context.tokenizer;
    return tokenizer.identity(tokenizer.token(card.pan()), card.maskedPan())
        .equals(tokenizer.identity(escrow.cardToken(), escrow.maskedPan()));
  }
}
