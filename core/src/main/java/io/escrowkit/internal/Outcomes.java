package io.escrowkit.internal;

import io.escrowkit.Command;
import io.escrowkit.OperationStatus;
import io.escrowkit.failure.Failure;
import io.escrowkit.failure.FailureCategory;
import io.escrowkit.failure.ResponseCode;
import io.escrowkit.failure.ResponseCodes;
import io.escrowkit.spi.HostReference;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.UnknownReason;
import java.util.Optional;
import java.util.Set;

/** How a transport outcome reads to the state machine, to the caller, and for reversals. */
final class Outcomes {
  /** UnionPay's "nothing to reverse"; some ISO 87 hosts' "reversal refused". */
  private static final String NOTHING_TO_REVERSE_OR_REFUSED = "12";
  /**
   * Answers to a reversal that end it: approvals, 12 (nothing to reverse on the host's side) and
   * 25 (original not found, so it never took effect) — the codes UnionPay POS terminals accept as
   * a completed reversal. Anything else is retried.
   */
  private static final Set<String> REVERSAL_DONE_CODES =
      Set.of(NOTHING_TO_REVERSE_OR_REFUSED, "25");
  private static final String DUPLICATE = "94";

  private Outcomes() {}

  static Command command(TransportOutcome outcome) {
    switch (outcome.kind()) {
      case APPROVED:
        return Command.APPROVE;
      case DECLINED:
        return Command.DECLINE;
      default:
        return Command.LOSE_OUTCOME;
    }
  }

  static OperationStatus status(TransportOutcome outcome) {
    switch (outcome.kind()) {
      case APPROVED:
        return OperationStatus.APPROVED;
      case DECLINED:
        return OperationStatus.DECLINED;
      default:
        return OperationStatus.IN_DOUBT;
    }
  }

  static Optional<Failure> failure(TransportOutcome outcome) {
    switch (outcome.kind()) {
      case APPROVED:
        return Optional.empty();
      case DECLINED:
        return Optional.of(Failure.fromResponseCode(outcome.responseCode().get()));
      default:
        return Optional.of(unknownFailure(outcome.unknownReason().get(), outcome.detail()));
    }
  }

  static Failure unknownFailure(UnknownReason reason, String detail) {
    switch (reason) {
      case TIMEOUT:
      case LATE_RESPONSE:
        return Failure.networkTimeout(detail + "; reversal queued");
      case CONNECTION_LOST:
        return Failure.connectionLost(detail + "; reversal queued");
      case BAD_MAC:
      case MALFORMED_RESPONSE:
        return Failure.protocol(detail + "; reversal queued");
      case TERMINAL_FAILURE:
        return Failure.device("HARDWARE_FAULT", detail + "; reversal queued");
      default:
        return Failure.internal(detail + "; reversal queued");
    }
  }

  static Failure forwardingFailure(String detail) {
    return Failure.networkTimeout(detail + "; the request will be sent again until acknowledged");
  }

  /**
   * Whether the host's answer to a repeat (a request it may have had already) says it has it: 94,
   * duplicate transmission. The repeat's original was taken; nothing more is owed.
   */
  static boolean duplicateOfRepeat(TransportOutcome outcome, boolean repeat) {
    return repeat && outcome.responseCode().map(DUPLICATE::equals).orElse(false);
  }

  /**
   * Whether owed work that cannot be reversed (a forwarded request, an advice) is sent again for
   * {@code outcome}: no answer, or a refusal that may pass. An answer whose code the catalog does
   * not know is not asked again: the host would answer the same, for ever; an operator settles it.
   */
  static boolean sendOwedAgain(TransportOutcome outcome) {
    return (outcome.isUnknown() && !outcome.uncataloguedCode().isPresent()) || askAgain(outcome);
  }

  /** The host's code, catalogued or not; "?" when it gave none. */
  static String answeredCode(TransportOutcome outcome) {
    return outcome.responseCode().orElse(outcome.uncataloguedCode().orElse("?"));
  }

  /**
   * Whether a refusal of work the client owes (a forwarded request, an advice) may go away by
   * itself, so that it is asked again rather than taken as final ({@link #passesByItself}).
   */
  private static boolean askAgain(TransportOutcome outcome) {
    return !outcome.isApproved() && outcome.responseCode()
        .map(code -> !code.equals(DUPLICATE) && passes(outcome, code))
        .orElse(false);
  }

  /**
   * Whether the refusal {@code code} of work the client owes may pass: {@link #passesByItself},
   * or the transport read it as the host's refusal of the request's MAC ({@link
   * HostReference#MAC_REFUSED}: an ISO 8583:1987 host's 63, which the catalog otherwise files as a
   * final security violation), which keys brought back in step cure.
   */
  static boolean passes(TransportOutcome outcome, String code) {
    return outcome.hostReferences().containsKey(HostReference.MAC_REFUSED)
        || passesByItself(ResponseCodes.resolve(code));
  }

  /**
   * Whether a refusal may pass with no one at the till: the acquirer or switch down or busy, key,
   * MAC, batch or format trouble a sign-on may cure (retryable codes of the acquirer and protocol
   * categories). A retryable code that asks something of the cardholder or operator (55 re-enter
   * the PIN, 45 use the chip) is final for work the client owes: sent again unchanged, it would be
   * refused the same way for ever.
   */
  static boolean passesByItself(ResponseCode code) {
    return code.retryable() && code.category()
        .map(category -> category == FailureCategory.ACQUIRER_GATEWAY
            || category == FailureCategory.PROTOCOL)
        .orElse(false);
  }

  /**
   * Whether an answer that ends a reversal may still mean the host refused it: 12, which UnionPay
   * uses for "nothing to reverse" and some ISO 87 hosts for a refused reversal message.
   */
  static boolean reversalMayBeRefused(TransportOutcome outcome) {
    return outcome.responseCode().filter(NOTHING_TO_REVERSE_OR_REFUSED::equals).isPresent();
  }

  /**
   * Whether the host refused a reversal for good: neither acknowledged it nor refused it for a
   * reason that may pass, nor left it unanswered ({@link #sendOwedAgain} covers both); or said
   * once too often that it cannot read it ({@code unreadableForGood}: {@link UnreadableAnswers}).
   * 94 is not final: to a first attempt it says the host has a reversal of this trace already
   * (another attempt's), which the repeat then settles.
   */
  static boolean reversalRefusedForGood(TransportOutcome outcome, boolean unreadableForGood) {
    return !reversalAcknowledged(outcome)
        && (!sendOwedAgain(outcome) || unreadableForGood)
        && !outcome.responseCode().filter(DUPLICATE::equals).isPresent();
  }

  static boolean reversalAcknowledged(TransportOutcome outcome) {
    if (outcome.isApproved()) {
      return true;
    }
    return outcome.responseCode().map(REVERSAL_DONE_CODES::contains).orElse(false);
  }
}
