package io.escrowkit.internal;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.PendingRequest;
import io.escrowkit.failure.Failure;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cancel of what a final capture left of a multi-capture hold, for transports that cannot tell
 * the host a capture is the last one ({@code Transport.carriesFinalCaptureMarker()} false): owed
 * in the same journal write as the capture's approval, sent by the worker with a new trace on each
 * attempt until the host answers, never reversed. The escrow keeps the state the table gave it
 * (CAPTURED); the timeline records how the remainder ended. Threadsafe.
 */
final class RemainderRelease {
  private static final Logger log = LoggerFactory.getLogger(RemainderRelease.class);
  /**
   * Declines of a cancel that mean the host holds nothing any more (an earlier attempt whose answer
   * was lost got through, or the hold lapsed): 12 no such transaction, 22 the pre-authorization is
   * already completed, cancelled or reversed.
   */
  private static final Set<String> NO_LONGER_HELD = Set.of("12", "22");

  private final EngineContext context;
  private final UnreadableAnswers unreadable;

  RemainderRelease(EngineContext context, UnreadableAnswers unreadable) {
    this.context = context;
    this.unreadable = unreadable;
  }

  /**
   * The release owed after {@code request} was approved and took the escrow to {@code after}, if
   * one is: a final capture under a multi-capture profile that left part of the hold, over a
   * transport that cannot mark it final. (Under a single-capture profile the host closes the hold
   * with the one completion.)
   */
  static Optional<WorkItem> owedAfter(
      EngineContext context, PendingRequest request, EscrowSnapshot after, Instant now) {
    return request.operation() == Operation.CAPTURE
        ? owedAfterCapture(context, request.operationId(), after, now)
        : Optional.empty();
  }

  /**
   * The release owed after the capture {@code operationId} (online, or offline once the host
   * acknowledged its advice) took the escrow to {@code after}, if one is.
   */
  static Optional<WorkItem> owedAfterCapture(
      EngineContext context, String operationId, EscrowSnapshot after, Instant now) {
    boolean owed = after.state() == EscrowState.CAPTURED
        && context.config.profile().multipleCaptures()
        && !context.transport.carriesFinalCaptureMarker()
        && after.held().isGreaterThan(after.captured());
    if (!owed) {
      return Optional.empty();
    }
    return Optional.of(new WorkItem(context.ids.workId(), WorkItem.Kind.RELEASE_REMAINDER,
        after.id(), operationId, "", 0, now, now));
  }

  /** Words for the capture's timeline entry when a release is owed. */
  static String owedNote(EscrowSnapshot after) {
    return "; remainder " + after.held().minus(after.captured()) + " to be released";
  }

  /**
   * One attempt, run in the escrow's turn; completes with the delay after which to look again
   * when the item stays owed.
   */
  CompletableFuture<Optional<Duration>> attempt(WorkItem claimed) {
    Optional<WorkItem> owed = OwedWork.byId(context, claimed.id());
    if (!owed.isPresent()) {
      return done(); // finished since it was claimed
    }
    WorkItem item = owed.get();
    Optional<EscrowSnapshot> found = context.journal.find(item.escrowId());
    Instant now = context.clock.instant();
    if (!found.isPresent()) {
      log.warn("escrow {} of owed remainder release {} is gone; dropping it", item.escrowId(),
          item.id());
      context.write(JournalWrite.completing(item.id()));
      return done();
    }
    EscrowSnapshot escrow = found.get();
    if (escrow.state() == EscrowState.VOIDED || escrow.state() == EscrowState.REVERSAL_REFUSED) {
      // What the host still holds can no longer be told from the escrow: a void that does not
      // restore the hold (VOIDED) took the capture out of the sum, and whether the request whose
      // reversal was refused (a void, say) took effect is unknown. Never cancel a guessed amount.
      log.error("escrow {} is {} before the rest of its hold was released; an operator must have"
          + " the acquirer release what remains", escrow.id(), escrow.state());
      return finish(escrow, item, "remainder NOT released: the escrow became " + escrow.state()
          + " first, operator action needed");
    }
    if (mayRestoreHold(escrow)) {
      return later(item, "a void of its capture is pending");
    }
    if (escrow.state() == EscrowState.HELD || escrow.state() == EscrowState.PARTIALLY_CAPTURED) {
      return finish(escrow, item, "remainder release not needed: a void put the hold back");
    }
    Money remainder = escrow.held().minus(escrow.captured());
    if (context.machine.isExpired(escrow, now)) {
      return finish(escrow, item, "remainder " + remainder + " lapsed with the hold at "
          + escrow.expiresAt() + "; nothing to release");
    }
    TransportRequest cancel = HostRequests.about(context, escrow, RequestType.RELEASE, item.id(),
            context.traces.next(escrow.terminalId()), now)
        .amount(remainder)
        .build();
    return context.send(cancel).thenCompose(outcome -> settle(escrow, item, remainder, outcome));
  }

  private CompletableFuture<Optional<Duration>> settle(
      EscrowSnapshot escrow, WorkItem item, Money remainder, TransportOutcome outcome) {
    boolean unreadableForGood = unreadable.finalFor(item.id(), outcome);
    if (outcome.isUnknown()) {
      return later(item, outcome.detail());
    }
    String code = outcome.responseCode().get();
    if (outcome.isApproved() || NO_LONGER_HELD.contains(code)) {
      // The rest is gone at the host: a later void restores its capture's amount only.
      return finish(escrow.withHeld(escrow.captured()), item,
          "remainder " + remainder + " released (" + code + ")");
    }
    if (Outcomes.passes(outcome, code) && !unreadableForGood) {
      // Host or switch down, MAC or key trouble after a key change, batch out of step: none of
      // them is about the hold, and a later attempt (after a new sign-on) may go through.
      return later(item, "declined for now (" + code + ")");
    }
    Failure failure = Failure.remainderNotReleased(code, "escrow " + escrow.id()
        + ": cancel of the remainder " + remainder + " after the final capture was declined");
    log.error("escrow {}: remainder {} stays frozen on the card; an operator must have the"
        + " acquirer release it: {}", escrow.id(), remainder, failure);
    return finish(escrow.withHostReference(HostReference.REMAINDER_RESPONSE_CODE, code), item,
        "remainder " + remainder
        + " NOT released: " + failure.code()
        + ", operator action needed");
  }

  /** Whether a void in flight or in doubt may yet put the hold back. */
  private static boolean mayRestoreHold(EscrowSnapshot escrow) {
    return escrow.pending()
        .map(p -> p.operation() == Operation.VOID_CAPTURE)
        .orElse(false);
  }

  /** Records on the timeline how the remainder ended, and drops the item, in one write. */
  private CompletableFuture<Optional<Duration>> finish(
      EscrowSnapshot escrow, WorkItem item, String cause) {
    Instant now = context.clock.instant();
    EscrowSnapshot noted = escrow.moveTo(escrow.state(), now, escrow.pending(),
        escrow.resumeState());
    try {
      context.write(JournalWrite.of(noted, Settlement.event(escrow, noted, cause, now))
          .withCompleted(item.id()));
      return done();
    } catch (JournalConflictException raced) {
      log.info("escrow {} changed while releasing its remainder; rechecking", escrow.id());
      context.journal.rescheduleWork(item.id(), item.attempts(), now);
      return CompletableFuture.completedFuture(Optional.of(Duration.ZERO));
    }
  }

  private CompletableFuture<Optional<Duration>> later(WorkItem item, String why) {
    int attempts = item.attempts() + 1;
    Duration delay = context.config.reversalBackoff().delay(attempts, context.random);
    log.warn("remainder release of escrow {} not answered ({}); attempt {} again in {}",
        item.escrowId(), why, attempts, delay);
    context.journal.rescheduleWork(item.id(), attempts, context.clock.instant().plus(delay));
    return CompletableFuture.completedFuture(Optional.of(delay));
  }

  private static CompletableFuture<Optional<Duration>> done() {
    return CompletableFuture.completedFuture(Optional.empty());
  }
}
