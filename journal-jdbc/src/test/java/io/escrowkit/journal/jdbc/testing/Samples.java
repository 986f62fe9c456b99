package io.escrowkit.journal.jdbc.testing;

import io.escrowkit.Capture;
import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.OperationStatus;
import io.escrowkit.PendingRequest;
import io.escrowkit.TransitionEvent;
import io.escrowkit.failure.Failure;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.IdempotencyRecord;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Journal values for tests: escrows at each step, results, work items. */
public final class Samples {
  /** 2026-11-25 10:00:00.123456789 Beijing time: nanoseconds on purpose. */
  public static final Instant T0 = Instant.parse("2026-11-25T02:00:00.123456789Z");

  public static final String MERCHANT = "898310048990001";
  public static final String TERMINAL = "10000001";
  public static final String MASKED_PAN = "620000******0005";

  private Samples() {}

  public static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  /** A new escrow at version 1, its hold on the way. */
  public static EscrowSnapshot holdPending(String id, String reference, Instant at) {
    return holdPending(id, reference, TERMINAL, at);
  }

  /** A new escrow of {@code terminal} at version 1, its hold on the way. */
  public static EscrowSnapshot holdPending(
      String id, String reference, String terminal, Instant at) {
    PendingRequest hold =
        new PendingRequest(Operation.HOLD, "op_" + id, "key_" + id, cny("128.00"), false, 17, at);
    return new EscrowSnapshot(
        id,
        reference,
        MERCHANT,
        terminal,
        MASKED_PAN,
        "tok_abc",
        "UnionPay",
        EscrowState.HOLD_PENDING,
        cny("128.00"),
        List.of(),
        cny("0.00"),
        at,
        at,
        at.plus(Duration.ofDays(30)),
        Map.of(),
        Optional.of(hold),
        Optional.empty(),
        1);
  }

  /** The escrow one version later in {@code state}, nothing pending. */
  public static EscrowSnapshot next(EscrowSnapshot escrow, EscrowState state, Instant at) {
    return escrow.moveTo(state, at, Optional.empty(), Optional.empty());
  }

  /** A snapshot with everything set: captures, host references, a pending request, a resume. */
  public static EscrowSnapshot rich(String id, Instant at) {
    PendingRequest refund =
        new PendingRequest(
            Operation.REFUND,
            "op_r_" + id,
            "key-refund-" + id,
            cny("10.05"),
            true,
            999_999,
            at.plusNanos(7));
    return new EscrowSnapshot(
        id,
        "room \"1208\", 日本, 🛏",
        MERCHANT,
        TERMINAL,
        MASKED_PAN,
        "tok_\\x",
        "UnionPay",
        EscrowState.REFUND_PENDING,
        cny("128.00"),
        List.of(
            new Capture(cny("100.00"), at.plusMillis(3), 18),
            new Capture(cny("0.01"), at.plusNanos(1), 19)),
        cny("1.00"),
        at,
        at.plusSeconds(1),
        at.plus(Duration.ofDays(30)),
        Map.of(
            HostReference.AUTHORIZATION_CODE,
            "123456",
            HostReference.RETRIEVAL_REFERENCE,
            "000000000001",
            "note",
            "line\nbreak\ttab"),
        Optional.of(refund),
        Optional.of(EscrowState.CAPTURED),
        5);
  }

  public static TransitionEvent event(EscrowSnapshot before, EscrowSnapshot after, String cause) {
    return new TransitionEvent(
        after.id(),
        after.version(),
        before == null ? Optional.empty() : Optional.of(before.state()),
        after.state(),
        cause,
        after.updatedAt());
  }

  /** The write that records a new escrow with its first transition. */
  public static JournalWrite created(EscrowSnapshot first) {
    return JournalWrite.of(first, event(null, first, "hold requested"));
  }

  public static JournalWrite moved(EscrowSnapshot before, EscrowSnapshot after) {
    return JournalWrite.of(after, event(before, after, before.state() + " -> " + after.state()));
  }

  public static IdempotencyRecord intent(String key, String escrowId) {
    return new IdempotencyRecord(
        key, "HOLD amount=128.00 CNY", escrowId, Operation.HOLD, Optional.empty());
  }

  /** A declined result, with a failure in both languages and the host's code. */
  public static EscrowResult declined(EscrowSnapshot snapshot, String key) {
    return new EscrowResult(
        snapshot.id(),
        Operation.HOLD,
        OperationStatus.DECLINED,
        snapshot,
        Optional.of(Failure.fromResponseCode("51")),
        Optional.of("51"),
        key);
  }

  public static EscrowResult approved(EscrowSnapshot snapshot, String key) {
    return new EscrowResult(
        snapshot.id(),
        Operation.HOLD,
        OperationStatus.APPROVED,
        snapshot,
        Optional.empty(),
        Optional.of("00"),
        key);
  }

  public static WorkItem reversal(String id, String escrowId, Instant due) {
    return new WorkItem(
        id, WorkItem.Kind.REVERSAL, escrowId, "op_" + escrowId, "98", 0, due, due.minusSeconds(1));
  }
}
