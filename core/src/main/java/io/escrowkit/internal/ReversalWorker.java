package io.escrowkit.internal;

import io.escrowkit.Command;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.PendingRequest;
import io.escrowkit.ReversalPendingException;
import io.escrowkit.failure.Failure;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.OriginalRequest;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the reversals owed in the journal until the host acknowledges each: claims due items,
 * reverses each escrow's in-doubt request (serialized with the escrow's other operations), and on
 * no acknowledgement puts the item back with backoff. Nothing is dropped: an item leaves the
 * journal only with the acknowledgement, or when its escrow no longer needs it. Threadsafe.
 */
final class ReversalWorker {
  private static final Logger log = LoggerFactory.getLogger(ReversalWorker.class);
  private static final int CLAIM_BATCH = 64;
  private final EngineContext context;
  /** One attempt at a time per work item, however many callers want it settled. */
  private final java.util.concurrent.ConcurrentMap<String, CompletableFuture<Void>> attempts =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final CompletionAdvices advices;
  /** Items to look at again once their attempt has ended ({@link #recheck}). */
  private final java.util.Set<String> lookAgain =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private final RemainderRelease remainders;
  private final UnreadableAnswers unreadable = new UnreadableAnswers();

  ReversalWorker(EngineContext context) {
    this.context = context;
    this.remainders = new RemainderRelease(context, unreadable);
    this.advices = new CompletionAdvices(context, this);
  }

  /** Looks for due work now, on the scheduler. */
  void wake() {
    schedule(Duration.ZERO);
  }

  void close() {
    closed = true;
  }

  private void schedule(Duration delay) {
    if (closed) {
      return;
    }
    try {
      context.scheduler.schedule(this::drain, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      log.debug("scheduler shut down; owed work stays in the journal", shutDown);
    }
  }

  void drain() {
    if (closed) {
      return;
    }
    try {
      Instant now = context.clock.instant();
      List<WorkItem> due =
          context.journal.claimDueWork(now, CLAIM_BATCH, context.config.workLease());
      for (WorkItem item : due) {
        attemptClaimed(item).whenComplete((ignored, error) -> {
          if (error != null) {
            log.error("{} {} of escrow {} failed; it stays owed", item.kind(), item.id(),
                item.escrowId(), error);
          }
        });
      }
      if (due.size() == CLAIM_BATCH) {
        wake();
      }
    } catch (RuntimeException e) {
      log.error("could not read owed work from the journal", e);
    }
  }

  /**
   * Completes when the terminal may send a new request: at once unless the scheme wants owed
   * reversals first; then after sending them, or with a {@link ReversalPendingException} if some
   * are still owed.
   */
  CompletableFuture<Void> clearFor(String terminalId, String asking) {
    if (!context.config.profile().reversalFirst()) {
      return CompletableFuture.completedFuture(null);
    }
    return settleOwed(terminalId, asking).thenCompose(owed -> owed.isEmpty()
        ? CompletableFuture.<Void>completedFuture(null)
        : Futures.<Void>failed(new ReversalPendingException(terminalId, escrowIds(owed))));
  }

  private static List<String> escrowIds(List<WorkItem> items) {
    List<String> ids = new java.util.ArrayList<>();
    for (WorkItem item : items) {
      ids.add(item.escrowId());
    }
    return ids;
  }

  /**
   * Sends, once each and now, the reversals owed for escrows of {@code terminalId} other than
   * {@code asking}; completes with those still owed afterwards.
   */
  CompletableFuture<List<WorkItem>> settleOwed(String terminalId, String asking) {
    List<WorkItem> owed = owedBy(terminalId, asking);
    if (owed.isEmpty()) {
      return CompletableFuture.completedFuture(owed);
    }
    List<CompletableFuture<Void>> sent = new java.util.ArrayList<>();
    for (WorkItem item : owed) {
      sent.add(attemptOnce(item));
    }
    return CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]))
        .handle((done, error) -> owedBy(terminalId, asking));
  }

  /**
   * Sends, once and now, the completion advice owed for {@code escrowId}'s offline capture, if
   * any; completes with an {@link io.escrowkit.AdvicePendingException} if it is still owed after.
   */
  CompletableFuture<Void> adviceFirst(String escrowId) {
    List<CompletableFuture<Void>> sent = new java.util.ArrayList<>();
    for (WorkItem item : OfflineCapture.owedAdvices(context, escrowId)) {
      sent.add(attemptOnce(item));
    }
    if (sent.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]))
        .handle((done, error) -> OfflineCapture.owesAdvice(context, escrowId))
        .thenCompose(owed -> owed
            ? Futures.<Void>failed(new io.escrowkit.AdvicePendingException(escrowId))
            : CompletableFuture.<Void>completedFuture(null));
  }

  /** Joins the attempt at {@code item} in progress, or starts one (serialized on its escrow). */
  private CompletableFuture<Void> attemptOnce(WorkItem item) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = attempts.putIfAbsent(item.id(), mine);
    if (running != null) {
      return running;
    }
    start(item, mine);
    return mine;
  }

  /**
   * Attempts an item a drain claimed. An attempt at it may still be ending here: it put the item
   * back, so the drain could claim it, and has not let go yet. Joining that attempt would leave
   * the item under the drain's lease, out of every drain's reach until the lease ran out, with no
   * drain due then (the periodic sweep found it, up to its interval later). So the claim is handed
   * back once that attempt has ended.
   */
  private CompletableFuture<Void> attemptClaimed(WorkItem claimed) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = attempts.putIfAbsent(claimed.id(), mine);
    if (running == null) {
      start(claimed, mine);
      return mine;
    }
    return running.handle((done, error) -> null).thenRun(() -> handBack(claimed));
  }

  private void start(WorkItem item, CompletableFuture<Void> mine) {
    context.serializer.submit(item.escrowId(), () -> dispatch(item))
        .whenComplete((done, error) -> {
      attempts.remove(item.id(), mine);
      if (error != null) {
        mine.completeExceptionally(error);
      } else {
        mine.complete(null);
      }
      if (lookAgain.remove(item.id())) {
        wake(); // now that the attempt has let go, a drain starts a new one rather than join it
      }
    });
  }

  /**
   * Gives back the claim on {@code claimed}, as due as it was, unless it is done or was put back
   * since the claim (a put-back sets its attempts or when it is due, and ends the claim's lease).
   */
  private void handBack(WorkItem claimed) {
    try {
      Optional<WorkItem> owed = OwedWork.byId(context, claimed.id());
      if (owed.isPresent() && owed.get().attempts() == claimed.attempts()
          && owed.get().notBefore().equals(claimed.notBefore())) {
        putBack(owed.get(), owed.get().notBefore());
        wake();
      }
    } catch (RuntimeException e) {
      log.error("could not hand back the claim on {} {} of escrow {}; it stays owed, and is sent"
          + " again once the claim's lease has run out", claimed.kind(), claimed.id(),
          claimed.escrowId(), e);
    }
  }

  /**
   * Looks at {@code item} again as soon as its attempt, which calls this, has ended: the attempt
   * could not record the host's answer because the escrow changed meanwhile. The item may still
   * be leased (by the claim that started the attempt, or by a drain that joined it), so it is put
   * back due now.
   */
  void recheck(WorkItem item) {
    try {
      Optional<WorkItem> owed = OwedWork.byId(context, item.id());
      if (owed.isPresent()) {
        putBack(owed.get(), context.clock.instant());
        lookAgain.add(item.id());
      }
    } catch (RuntimeException e) {
      log.error("could not put back {} {} of escrow {} to look at it again; it stays owed, and is"
          + " sent again once its lease has run out", item.kind(), item.id(), item.escrowId(), e);
    }
  }

  private void putBack(WorkItem item, Instant notBefore) {
    if (!closed) { // closed: the item stays owed in the journal, for the next start's recovery
      context.journal.rescheduleWork(item.id(), item.attempts(), notBefore);
    }
  }

  private CompletableFuture<Void> dispatch(WorkItem item) {
    switch (item.kind()) {
      case ADVICE:
        return forward(item);
      case COMPLETION_ADVICE:
        return advices.send(item);
      case RELEASE_REMAINDER:
        return releaseRemainder(item);
      case REVERSAL:
      default:
        return attempt(item);
    }
  }

  private List<WorkItem> owedBy(String terminalId, String asking) {
    return OwedWork.matching(context.journal.pendingWork(terminalId),
        item -> item.kind() == WorkItem.Kind.REVERSAL && !item.escrowId().equals(asking));
  }

  private CompletableFuture<Void> attempt(WorkItem item) {
    Optional<EscrowSnapshot> found = context.journal.find(item.escrowId());
    boolean stillOwed = found.isPresent()
        && found.get().state() == EscrowState.IN_DOUBT
        && found.get().pending().map(p -> p.operationId().equals(item.operationId())).orElse(false);
    if (!stillOwed) {
      unreadable.forget(item.id());
      context.write(JournalWrite.completing(item.id()));
      return CompletableFuture.completedFuture(null);
    }
    EscrowSnapshot escrow = found.get();
    TransportRequest reversal = reversalOf(escrow, item);
    OwedWork.countedBeforeSending(context, item, context.clock.instant());
    return context.send(reversal).thenAccept(outcome -> settle(escrow, item, outcome));
  }

  /** Sends the cancel of what a final capture left of the hold; looks again later if still owed. */
  private CompletableFuture<Void> releaseRemainder(WorkItem item) {
    return remainders.attempt(item).thenAccept(again -> {
      if (again.isPresent()) {
        schedule(again.get());
      } else {
        unreadable.forget(item.id()); // ended, with or without a send
      }
    });
  }

  /** Sends a stored-and-forwarded request again, as a repeat, while its escrow still awaits it. */
  private CompletableFuture<Void> forward(WorkItem item) {
    Optional<EscrowSnapshot> found = context.journal.find(item.escrowId());
    boolean stillOwed = found.isPresent()
        && found.get().state().isPending()
        && found.get().pending().map(p -> p.operationId().equals(item.operationId())).orElse(false);
    if (!stillOwed) {
      context.write(JournalWrite.completing(item.id()));
      return CompletableFuture.completedFuture(null);
    }
    EscrowSnapshot escrow = found.get();
    PendingRequest request = escrow.pending().get();
    Instant now = context.clock.instant();
    TransportRequest again = HostRequests.about(context, escrow,
            RequestType.valueOf(request.operation().name()), request.operationId(),
            request.trace(), now)
        .transactedAt(request.sentAt()) // fields 12/13 (and ISO 87's 37) as on the first send
        .amount(request.amount())
        .completesHold(request.operation() == io.escrowkit.Operation.CAPTURE
            && context.machine.completesHold(escrow, request.amount(), request.finalCapture()))
        .repeat(true)
        .build();
    return context.send(again).thenAccept(outcome -> settleForward(escrow, item, outcome));
  }

  private void settleForward(EscrowSnapshot escrow, WorkItem item, TransportOutcome outcome) {
    if (Outcomes.sendOwedAgain(outcome)) {
      retryLater(escrow, item, outcome);
      return;
    }
    Instant now = context.clock.instant();
    // Sent again as a repeat: 94 says the host has the first one, so it was taken.
    boolean taken = Outcomes.duplicateOfRepeat(outcome, true);
    String code = Outcomes.answeredCode(outcome);
    EscrowSnapshot next = context.machine.answer(escrow,
        taken || outcome.isApproved() ? Command.APPROVE : Command.DECLINE,
        outcome.hostReferences(), now);
    String cause = escrow.pending().get().operation() + " forwarded, "
        + (taken ? "taken already" : outcome.isApproved() ? "approved" : "declined")
        + " (" + code + ")";
    if (taken) {
      log.warn("forwarded {} of escrow {} answered 94 to its repeat: taken as done, the host"
          + " having the first; check with the acquirer if in doubt",
          escrow.pending().get().operation(), escrow.id());
    } else if (!outcome.isApproved()) {
      log.error("host declined forwarded {} of escrow {} with {}; settle it with the acquirer",
          escrow.pending().get().operation(), escrow.id(), code);
    }
    Optional<WorkItem> remainder = outcome.isApproved() || taken
        ? RemainderRelease.owedAfter(context, escrow.pending().get(), next, now)
        : Optional.empty();
    try {
      JournalWrite write = JournalWrite.of(next, Settlement.event(escrow, next,
          cause + remainder.map(owed -> RemainderRelease.owedNote(next)).orElse(""), now))
          .withCompleted(item.id());
      context.write(remainder.map(write::withEnqueued).orElse(write));
      remainder.ifPresent(owed -> wake());
    } catch (JournalConflictException raced) {
      log.info("escrow {} changed while forwarding; rechecking", escrow.id());
      recheck(item);
    }
  }

  private void settle(EscrowSnapshot escrow, WorkItem item, TransportOutcome outcome) {
    Instant now = context.clock.instant();
    boolean unreadableForGood = unreadable.finalFor(item.id(), outcome);
    // A reversal sent again (item.attempts() > 0, a repeat) answered 94: the host has it.
    if (Outcomes.reversalAcknowledged(outcome)
        || Outcomes.duplicateOfRepeat(outcome, item.attempts() > 0)) {
      EscrowSnapshot next = context.machine.answer(escrow, Command.CONFIRM_REVERSAL, Map.of(), now);
      String cause = "reversal acknowledged (" + outcome.responseCode().orElse("?") + ", reason "
          + item.reasonCode() + ")";
      if (next.state() == EscrowState.REVERSED && !Outcomes.reversalMayBeRefused(outcome)) {
        // The host let the hold go: it stops counting against the card (before the escrow says
        // REVERSED), so that the retry its failure's remedy asks for is not refused as a
        // duplicate. It counted until now, while the host might still have held it. (After a
        // 12 it keeps counting: some ISO 87 hosts mean that they refused the reversal.)
        HoldFlow.withdraw(context, HoldFlow.riskOf(escrow));
      }
      endReversal(escrow, next, cause, item, now);
      return;
    }
    if (Outcomes.reversalRefusedForGood(outcome, unreadableForGood)) {
      refused(escrow, item, outcome);
      return;
    }
    retryLater(escrow, item, outcome);
  }

  /**
   * The host refused the reversal with a code that sending it again would not change: the escrow
   * ends REVERSAL_REFUSED, for an operator, and the item goes. Not withdrawn from the risk
   * history: the host may hold the funds.
   */
  private void refused(EscrowSnapshot escrow, WorkItem item, TransportOutcome outcome) {
    Instant now = context.clock.instant();
    String code = Outcomes.answeredCode(outcome);
    PendingRequest original = escrow.pending().get();
    Failure failure = Failure.reversalRefused(code, "reversal of " + original.operation()
        + " " + original.amount() + " (trace " + original.trace() + ", reason "
        + item.reasonCode() + ") refused");
    EscrowSnapshot next = context.machine.reversalRefused(escrow, now)
        .withHostReference(HostReference.REVERSAL_RESPONSE_CODE, code);
    String cause = "reversal refused: " + failure.code() + ", " + failure.detail()
        + "; NOT reversed: settle it with the acquirer";
    log.error("escrow {}: the host refused the reversal of its in-doubt {} ({}); an operator must"
        + " settle it with the acquirer", escrow.id(), original.operation(), failure);
    endReversal(escrow, next, cause, item, now);
  }

  /** Records the escrow's move to {@code next} and removes the reversal item, in one write. */
  private void endReversal(
      EscrowSnapshot escrow, EscrowSnapshot next, String cause, WorkItem item, Instant now) {
    try {
      context.write(JournalWrite.of(next, Settlement.event(escrow, next, cause, now))
          .withCompleted(item.id()));
    } catch (JournalConflictException raced) {
      log.info("escrow {} changed while reversing; rechecking", escrow.id());
      recheck(item);
    }
  }

  void retryLater(EscrowSnapshot escrow, WorkItem item, TransportOutcome outcome) {
    int attempts = item.attempts() + 1;
    Duration delay = context.config.reversalBackoff().delay(attempts, context.random);
    log.warn("{} of escrow {} not acknowledged ({}); attempt {} again in {}", item.kind(),
        escrow.id(), outcome.responseCode().orElse(outcome.detail()), attempts, delay);
    context.journal.rescheduleWork(item.id(), attempts, context.clock.instant().plus(delay));
    schedule(delay);
  }

  private TransportRequest reversalOf(EscrowSnapshot escrow, WorkItem item) {
    PendingRequest original = escrow.pending().get();
    Instant now = context.clock.instant();
    RequestType originalType = RequestType.valueOf(original.operation().name());
    return HostRequests.about(context, escrow, RequestType.REVERSAL, item.id(), original.trace(),
            now)
        .amount(original.amount())
        .original(Optional.of(new OriginalRequest(originalType, original.operationId(),
            original.trace(), original.sentAt(), original.amount())))
        .reversalReason(Optional.of(item.reasonCode()))
        // Every attempt after the first may be a duplicate at the host (0421 after 0420).
        .repeat(item.attempts() > 0)
        .build();
  }
}
