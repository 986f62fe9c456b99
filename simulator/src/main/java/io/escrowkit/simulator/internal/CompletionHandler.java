package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.PostingType;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Completion request (online capture), completion advice (offline capture reported afterwards; a
 * repeat, same trace, amount and authorization code, is acknowledged and not applied again) and
 * completion void. Call with the book's lock held.
 */
final class CompletionHandler extends BookHandler {

  CompletionHandler(LedgerBook book, References references, HostRules rules) {
    super(book, references, rules);
  }

  Decision request(RequestView r) {
    return complete(r, PostingType.COMPLETION);
  }

  Decision advice(RequestView r) {
    for (PostingRecord p : book.atTrace(r.trace())) {
      if (p.type == PostingType.COMPLETION_ADVICE
          && !p.reversed
          && p.amount == r.amount().orElse(-1)
          && r.get(38).map(p.auth.authCode::equals).orElse(true)) {
        book.countDuplicateAdvice();
        return Decision.approve(p.auth.authCode, p.rrn, "repeated advice, not applied again");
      }
    }
    return complete(r, PostingType.COMPLETION_ADVICE);
  }

  private Decision complete(RequestView r, PostingType type) {
    Optional<AuthRecord> found = Originals.authorization(book, r);
    Optional<Decision> refusal = refuseFollowUp(r, found, "pre-authorization");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    AuthRecord auth = found.get();
    OptionalLong given = r.amount();
    if (given.isEmpty()) {
      return Decision.answer("30", "no amount");
    }
    long amount = given.getAsLong();
    if (amount <= 0) {
      return Decision.answer("13", "amount zero");
    }
    if (auth.status() != AuthorizationStatus.HELD) {
      return Decision.answer("22", "pre-authorization is " + auth.status());
    }
    long captured = Math.addExact(auth.captured(), amount);
    if (captured > rules.captureLimit(auth.held)) {
      return Decision.answer(
          "13", "over " + rules.scheme().captureTolerancePercent() + "% of the hold");
    }
    Optional<String> trigger =
        type == PostingType.COMPLETION ? rules.trigger(amount) : Optional.empty();
    if (trigger.isPresent() && !trigger.get().equals("11")) {
      return Decision.answer(trigger.get(), "amount trigger");
    }
    long beyondHold = amount - auth.frozen();
    if (beyondHold > 0 && auth.card.available() < beyondHold) {
      return Decision.answer("51", "the part beyond the hold is over the available balance");
    }
    long frozen = rules.scheme().multipleCaptures() ? Math.max(0, auth.frozen() - amount) : 0;
    AuthorizationStatus next =
        frozen > 0 ? AuthorizationStatus.HELD : AuthorizationStatus.COMPLETED;
    String rrn = references.nextRrn();
    book.post(
        type,
        auth,
        r.trace(),
        r.mtiClass(),
        rrn,
        amount,
        null,
        new AuthRecord.State(frozen, captured, auth.refunded(), next));
    return Decision.approveWith(
        trigger.orElse(Decision.APPROVED),
        auth.authCode,
        rrn,
        frozen > 0 ? "captured, part of the hold remains" : "captured, hold closed");
  }

  Decision voidCompletion(RequestView r) {
    Optional<PostingRecord> found = Originals.completion(book, r);
    Optional<Decision> refusal = refuseOnCompletion(r, found);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    PostingRecord completion = found.get();
    AuthRecord auth = completion.auth;
    if (r.amount().orElse(-1) != completion.amount) {
      return Decision.answer("64", "amount is not the completion's");
    }
    if (completion.refunded > 0) {
      // Voiding it would give back the capture and leave the refund: money out of nothing.
      return Decision.answer("12", "completion was refunded " + completion.refunded
          + "; a void would pay it back twice");
    }
    long captured = auth.captured() - completion.amount;
    AuthRecord.State next;
    if (rules.scheme().voidRestoresHold()) {
      long frozen =
          rules.scheme().multipleCaptures()
              ? Math.min(
                  auth.held - Math.min(auth.held, captured), auth.frozen() + completion.amount)
              : auth.held;
      next = new AuthRecord.State(frozen, captured, auth.refunded(), AuthorizationStatus.HELD);
    } else {
      // Funds still frozen (the rest of a multi-capture hold) keep the hold live.
      next =
          new AuthRecord.State(
              auth.frozen(),
              captured,
              auth.refunded(),
              captured == 0 && auth.frozen() == 0 ? AuthorizationStatus.VOIDED : auth.status());
    }
    String rrn = references.nextRrn();
    book.post(
        PostingType.COMPLETION_VOID,
        auth,
        r.trace(),
        r.mtiClass(),
        rrn,
        completion.amount,
        completion,
        next);
    return Decision.approve(auth.authCode, rrn, "completion voided");
  }
}
