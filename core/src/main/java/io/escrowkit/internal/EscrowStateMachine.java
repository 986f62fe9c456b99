package io.escrowkit.internal;

import io.escrowkit.Capture;
import io.escrowkit.Command;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.IllegalTransitionException;
import io.escrowkit.InvalidAmountException;
import io.escrowkit.Money;
import io.escrowkit.Operation;
import io.escrowkit.PendingRequest;
import io.escrowkit.SchemeProfile;
import io.escrowkit.spi.HostReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies commands to snapshots under one scheme profile: pure functions of their arguments, so
 * every run can be replayed. The {@link TransitionTable} decides what is legal; this class resolves
 * the amount-dependent targets and checks the scheme's amount and time rules. Threadsafe.
 */
public final class EscrowStateMachine {
  private final SchemeProfile profile;

  public EscrowStateMachine(SchemeProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
  }

  public SchemeProfile profile() {
    return profile;
  }

  /** The table's transition, or an {@link IllegalTransitionException} naming escrow, state, command. */
  public Transition require(EscrowSnapshot escrow, Command command) {
    Transition transition = TransitionTable.lookup(escrow.state(), command);
    if (!transition.isLegal()) {
      throw new IllegalTransitionException(escrow.id(), escrow.state(), command);
    }
    return transition;
  }

  /**
   * Checks an operator command against the table and the scheme's rules and returns the amount its
   * request will carry, or the rule it breaks.
   *
   * @param requested the amount for CAPTURE and REFUND; ignored for RELEASE and VOID_CAPTURE
   */
  public Admission admit(
      EscrowSnapshot escrow, Command command, Optional<Money> requested, Instant now) {
    require(escrow, command);
    switch (command) {
      case CAPTURE:
      case CAPTURE_OFFLINE:
        return admitCapture(escrow, requireAmount(escrow, command, requested), now);
      case RELEASE:
        return Admission.of(escrow.remainingHold());
      case VOID_CAPTURE:
        return admitVoid(escrow, now);
      case REFUND:
        return admitRefund(escrow, requireAmount(escrow, command, requested));
      default:
        throw new IllegalArgumentException(command + " is not an operator command");
    }
  }

  /** The escrow with {@code request} on its way: a *_PENDING state that remembers where it was. */
  public EscrowSnapshot begin(EscrowSnapshot escrow, Command command, PendingRequest request) {
    Transition transition = require(escrow, command);
    EscrowState next = transition.fixedState().get();
    return escrow.moveTo(next, request.sentAt(), Optional.of(request), Optional.of(escrow.state()));
  }

  /**
   * The escrow after a capture the terminal approved on its own ({@code request} is the capture,
   * already admitted): CAPTURED or PARTIALLY_CAPTURED at once, with nothing pending; its
   * completion advice is owed work.
   */
  public EscrowSnapshot captureOffline(EscrowSnapshot escrow, PendingRequest request) {
    require(escrow, Command.CAPTURE_OFFLINE);
    return afterCapture(escrow, request, request.sentAt());
  }

  /** The escrow after the host refused the completion advice of its last, offline, capture. */
  public EscrowSnapshot adviceDeclined(EscrowSnapshot escrow, Instant at) {
    EscrowState next = require(escrow, Command.DECLINE).fixedState().get();
    return escrow.moveTo(next, at, Optional.empty(), Optional.empty());
  }

  /**
   * The escrow after the host refused, for good, the reversal of its in-doubt request: it keeps
   * that request (what an operator asks the acquirer about), nothing else changes.
   */
  public EscrowSnapshot reversalRefused(EscrowSnapshot escrow, Instant at) {
    EscrowState next = require(escrow, Command.REFUSE_REVERSAL).fixedState().get();
    return escrow.moveTo(next, at, escrow.pending(), Optional.empty());
  }

  /**
   * The escrow after the host's answer (APPROVE, DECLINE), a lost outcome, or a reversal. An
   * approval's host references are added to the escrow's (a later one wins on the same name), so
   * follow-ups can name the hold and the completion alike.
   */
  public EscrowSnapshot answer(
      EscrowSnapshot escrow, Command outcome, Map<String, String> hostReferences, Instant at) {
    if (outcome != Command.APPROVE || hostReferences.isEmpty()) {
      return resolve(escrow, outcome, at);
    }
    Map<String, String> merged = new java.util.HashMap<>(escrow.hostReferences());
    merged.putAll(hostReferences);
    // The answer's approved amount, when less than asked; not kept among the references.
    Optional<Money> part =
        PartialApprovals.partOf(escrow, merged.remove(HostReference.APPROVED_AMOUNT));
    EscrowSnapshot asApproved =
        part.map(p -> PartialApprovals.asApproved(escrow, p)).orElse(escrow);
    return resolve(asApproved, outcome, at).withHostReferences(merged);
  }

  private EscrowSnapshot resolve(EscrowSnapshot escrow, Command outcome, Instant at) {
    Transition transition = require(escrow, outcome);
    PendingRequest request = escrow.pending().orElseThrow(
        () -> new IllegalStateException("escrow " + escrow.id() + " has no pending request"));
    Optional<EscrowState> resume = escrow.resumeState();
    switch (transition.target()) {
      case FIXED:
        EscrowState fixed = transition.fixedState().get();
        boolean keepPending = fixed == EscrowState.IN_DOUBT;
        return escrow.moveTo(
            fixed, at, keepPending ? escrow.pending() : Optional.empty(),
            keepPending ? resume : Optional.empty());
      case RESUME:
        return escrow.moveTo(resume.get(), at, Optional.empty(), Optional.empty());
      case UNDO:
        EscrowState undone = request.operation() == Operation.HOLD
            ? EscrowState.REVERSED
            : resume.get();
        return escrow.moveTo(undone, at, Optional.empty(), Optional.empty());
      case AFTER_CAPTURE:
        return afterCapture(escrow, request, at);
      case AFTER_RELEASE:
        if (escrow.captured().isZero()) {
          return escrow.moveTo(EscrowState.RELEASED, at, Optional.empty(), Optional.empty());
        }
        // The rest of the hold is gone at the host: a void of a capture later restores that
        // capture's amount only, never the released rest.
        return escrow.withHeld(escrow.captured())
            .moveTo(EscrowState.CAPTURED, at, Optional.empty(), Optional.empty());
      case AFTER_VOID:
        return afterVoid(escrow, at);
      case AFTER_REFUND:
        return afterRefund(escrow, request, at);
      default:
        throw new IllegalStateException("unresolved target " + transition.target());
    }
  }

  /** Whether the hold's validity has passed at {@code now}. */
  public boolean isExpired(EscrowSnapshot escrow, Instant now) {
    return !now.isBefore(escrow.expiresAt());
  }

  /** The escrow after its hold lapsed: EXPIRED, or CAPTURED when part was already captured. */
  public EscrowSnapshot expire(EscrowSnapshot escrow, Instant at) {
    EscrowState next = require(escrow, Command.EXPIRE).fixedState().get();
    return escrow.moveTo(next, at, Optional.empty(), Optional.empty());
  }

  private Admission admitCapture(EscrowSnapshot escrow, Money amount, Instant now) {
    if (isExpired(escrow, now)) {
      return Admission.refused(new RuleViolation("HOLD_EXPIRED",
          "escrow " + escrow.id() + ": hold expired at " + escrow.expiresAt()));
    }
    Money limit = profile.captureLimit(escrow.held());
    Money total = escrow.captured().plus(amount);
    if (total.isGreaterThan(limit)) {
      return Admission.refused(new RuleViolation("CAPTURE_OVER_TOLERANCE",
          "escrow " + escrow.id() + ": captures would total " + total + ", over the "
              + profile.captureTolerancePercent() + "% limit of " + limit + " on a hold of "
              + escrow.held() + " (" + profile.name() + ")"));
    }
    return Admission.of(amount);
  }

  private Admission admitVoid(EscrowSnapshot escrow, Instant now) {
    Capture last = escrow.captures().get(escrow.captures().size() - 1);
    LocalDate captureDay = last.at().atZone(profile.businessZone()).toLocalDate();
    LocalDate today = now.atZone(profile.businessZone()).toLocalDate();
    if (!captureDay.equals(today)) {
      return Admission.refused(new RuleViolation("VOID_WINDOW_PASSED",
          "escrow " + escrow.id() + ": capture of " + captureDay + " can no longer be voided on "
              + today + " (" + profile.businessZone() + "); refund it instead"));
    }
    return Admission.of(last.amount());
  }

  private Admission admitRefund(EscrowSnapshot escrow, Money amount) {
    Money refundable = escrow.captured().minus(escrow.refunded());
    if (amount.isGreaterThan(refundable)) {
      return Admission.refused(new RuleViolation("REFUND_OVER_CAPTURED",
          "escrow " + escrow.id() + ": refund of " + amount + " exceeds the refundable "
              + refundable));
    }
    return Admission.of(amount);
  }

  /**
   * Whether a capture of {@code amount} ends the hold: the scheme allows one capture, the caller
   * said final, or the hold is used up. The host then releases whatever remains.
   */
  public boolean completesHold(EscrowSnapshot escrow, Money amount, boolean finalFlag) {
    boolean holdUsedUp = !escrow.held().isGreaterThan(escrow.captured().plus(amount));
    return !profile.multipleCaptures() || finalFlag || holdUsedUp;
  }

  private EscrowSnapshot afterCapture(EscrowSnapshot escrow, PendingRequest request, Instant at) {
    List<Capture> captures = new ArrayList<>(escrow.captures());
    captures.add(new Capture(request.amount(), at, request.trace()));
    boolean isFinal = completesHold(escrow, request.amount(), request.finalCapture());
    EscrowSnapshot captured = escrow.withCaptures(captures);
    EscrowState next = isFinal ? EscrowState.CAPTURED : EscrowState.PARTIALLY_CAPTURED;
    return captured.moveTo(next, at, Optional.empty(), Optional.empty());
  }

  private EscrowSnapshot afterVoid(EscrowSnapshot escrow, Instant at) {
    List<Capture> captures = new ArrayList<>(escrow.captures());
    Capture last = captures.remove(captures.size() - 1);
    EscrowSnapshot voided = escrow.withCaptures(captures);
    boolean holdWasOpen =
        escrow.resumeState().filter(EscrowState.PARTIALLY_CAPTURED::equals).isPresent();
    EscrowState next;
    if (profile.voidRestoresHold()) {
      next = captures.isEmpty() ? EscrowState.HELD : EscrowState.PARTIALLY_CAPTURED;
    } else if (!holdWasOpen && captures.isEmpty()) {
      next = EscrowState.VOIDED; // the hold was closed and nothing is left
    } else {
      // The voided amount goes back to the card: what the escrow holds drops by it, never below
      // what stays captured. The rest of an open hold stays held and live; on a closed one the
      // other captures stand, refundable, and a remainder still to cancel leaves it out.
      voided = voided.withHeld(lessVoided(escrow.held(), last.amount(), voided.captured()));
      next = !holdWasOpen ? EscrowState.CAPTURED
          : captures.isEmpty() ? EscrowState.HELD : EscrowState.PARTIALLY_CAPTURED;
    }
    return voided.moveTo(next, at, Optional.empty(), Optional.empty());
  }

  /** {@code held} less {@code voided}, never below {@code captured}. */
  private static Money lessVoided(Money held, Money voided, Money captured) {
    Money less = voided.isGreaterThan(held) ? captured : held.minus(voided);
    return captured.isGreaterThan(less) ? captured : less;
  }

  private EscrowSnapshot afterRefund(EscrowSnapshot escrow, PendingRequest request, Instant at) {
    EscrowSnapshot refunded = escrow.withRefunded(escrow.refunded().plus(request.amount()));
    EscrowState next = refunded.refunded().equals(refunded.captured())
        ? EscrowState.REFUNDED
        : EscrowState.PARTIALLY_REFUNDED;
    return refunded.moveTo(next, at, Optional.empty(), Optional.empty());
  }

  private static Money requireAmount(
      EscrowSnapshot escrow, Command command, Optional<Money> requested) {
    Money amount = requested.orElseThrow(
        () -> new InvalidAmountException(command + " of escrow " + escrow.id() + " needs an amount"));
    if (!amount.currency().equals(escrow.held().currency())) {
      throw new InvalidAmountException(command + " of escrow " + escrow.id() + ": " + amount
          + " is not in the hold's currency " + escrow.held().currency());
    }
    if (amount.isZero()) {
      throw new InvalidAmountException(command + " of escrow " + escrow.id() + ": amount is zero");
    }
    return amount;
  }
}
