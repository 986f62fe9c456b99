package io.escrowkit.internal;

import io.escrowkit.Capture;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.failure.Failure;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.WorkItem;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the completion advice of a capture approved offline ({@link WorkItem.Kind#COMPLETION_ADVICE})
 * for the {@link ReversalWorker}, in the escrow's turn: 0220 the first time, its repeat (0221) ever
 * after (the first attempt is counted in the journal before it leaves). An acknowledgement adds
 * the host's references to the escrow (and, for a final capture that left part of a multi-capture
 * hold over a transport without the final marker, owes the cancel of the rest); a host
 * that is busy (acquirer or switch failure codes) or silent is asked again with backoff; any other
 * refusal ends the escrow ADVICE_DECLINED, for an operator. The advice is never reversed.
 * Threadsafe.
 */
final class CompletionAdvices {
  private static final Logger log = LoggerFactory.getLogger(CompletionAdvices.class);
  /**
   * Duplicate transaction: the host has this advice already (an earlier sending whose answer was
   * lost); the terminal's traces are unique, so it is this capture's.
   */
  private static final String DUPLICATE = "94";
  private final EngineContext context;
  private final ReversalWorker worker;

  CompletionAdvices(EngineContext context, ReversalWorker worker) {
    this.context = context;
    this.worker = worker;
  }

  /** Sends the advice of {@code claimed}'s capture: the escrow's last capture, counted already. */
  CompletableFuture<Void> send(WorkItem claimed) {
    Optional<WorkItem> owed = OwedWork.byId(context, claimed.id());
    if (!owed.isPresent()) {
      return CompletableFuture.completedFuture(null); // acknowledged since it was claimed
    }
    WorkItem item = owed.get(); // with the attempts the journal counted: 0220 or 0221
    Optional<EscrowSnapshot> found = context.journal.find(item.escrowId());
    if (!found.isPresent() || !OfflineCapture.mayOweAdvice(found.get())
        || found.get().captures().isEmpty()) {
      log.error("completion advice {} of escrow {} has no offline capture to advise (escrow {});"
          + " dropped", item.id(), item.escrowId(), found.map(e -> e.state().name()).orElse("gone"));
      context.write(JournalWrite.completing(item.id()));
      return CompletableFuture.completedFuture(null);
    }
    EscrowSnapshot escrow = found.get();
    List<Capture> captures = escrow.captures();
    Capture capture = captures.get(captures.size() - 1);
    Instant now = context.clock.instant();
    boolean repeat = OwedWork.countedBeforeSending(context, item, now);
    TransportRequest advice = HostRequests.about(context, escrow, RequestType.CAPTURE_ADVICE,
            item.operationId(), capture.trace(), now)
        .amount(capture.amount())
        .transactedAt(capture.at()) // fields 12/13 say when it was captured, not when advised
        .completesHold(escrow.state() == EscrowState.CAPTURED)
        .repeat(repeat)
        .build();
    return context.send(advice).thenAccept(outcome -> settle(escrow, capture, item, outcome));
  }

  private void settle(EscrowSnapshot escrow, Capture capture, WorkItem item,
      TransportOutcome outcome) {
    if (Outcomes.sendOwedAgain(outcome)) {
      worker.retryLater(escrow, item, outcome);
      return;
    }
    Instant now = context.clock.instant();
    Map<String, String> references = new HashMap<>(escrow.hostReferences());
    references.putAll(outcome.hostReferences());
    EscrowSnapshot next;
    String cause;
    String code = Outcomes.answeredCode(outcome);
    if (outcome.isApproved() || code.equals(DUPLICATE)) {
      next = escrow.moveTo(escrow.state(), now, Optional.empty(), Optional.empty());
      cause = "completion advice of the offline capture acknowledged (" + code + ")";
    } else {
      Failure failure = Failure.adviceDeclined(code, "completion advice of " + capture.amount()
          + " (trace " + capture.trace() + ") refused");
      references.put(HostReference.ADVICE_RESPONSE_CODE, code);
      next = context.machine.adviceDeclined(escrow, now);
      cause = "completion advice declined: " + failure.code() + ", " + failure.detail()
          + "; settle it with the acquirer";
      log.error("escrow {}: the host refused the completion advice of its offline capture ({});"
          + " an operator must settle it with the acquirer", escrow.id(), failure);
    }
    next = next.withHostReferences(references);
    // Booked at last: a final capture that left part of the hold now owes its cancel.
    Optional<WorkItem> remainder = outcome.isApproved() || code.equals(DUPLICATE)
        ? RemainderRelease.owedAfterCapture(context, item.operationId(), next, now)
        : Optional.empty();
    if (remainder.isPresent()) {
      cause += RemainderRelease.owedNote(next);
    }
    try {
      JournalWrite write = JournalWrite.of(next, Settlement.event(escrow, next, cause, now))
          .withCompleted(item.id());
      context.write(remainder.map(write::withEnqueued).orElse(write));
      remainder.ifPresent(owed -> worker.wake());
    } catch (JournalConflictException raced) {
      log.info("escrow {} changed while advising its capture; rechecking", escrow.id());
      worker.recheck(item);
    }
  }

}
