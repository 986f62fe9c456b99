package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.PostingType;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pre-authorization (freeze funds) and pre-authorization cancel (release them). Call with the
 * book's lock held.
 */
final class HoldHandler extends BookHandler {

  HoldHandler(LedgerBook book, References references, HostRules rules) {
    super(book, references, rules);
  }

  Decision preAuthorize(RequestView r) {
    Optional<String> pan = r.pan();
    OptionalLong amount = r.amount();
    if (pan.isEmpty() || amount.isEmpty()) {
      return Decision.answer("30", "no card or no amount");
    }
    if (Originals.isDuplicate(book, r)) {
      return Decision.answer("94", "trace number already used");
    }
    long held = amount.getAsLong();
    if (held <= 0) {
      return Decision.answer("13", "amount zero");
    }
    Optional<String> trigger = rules.trigger(held);
    if (trigger.isPresent() && !trigger.get().equals("11")) {
      return Decision.answer(trigger.get(), "amount trigger");
    }
    if (book.card(pan.get()).available() < held) {
      return Decision.answer("51", "over the card's available balance");
    }
    String authCode = references.nextAuthCode();
    String rrn = references.nextRrn();
    book.openHold(authCode, rrn, r.trace(), pan.get(), r.currency(), held);
    return Decision.approveWith(trigger.orElse(Decision.APPROVED), authCode, rrn, "held");
  }

  Decision cancel(RequestView r) {
    Optional<AuthRecord> found = Originals.authorization(book, r);
    Optional<Decision> refusal = refuseFollowUp(r, found, "pre-authorization");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    AuthRecord auth = found.get();
    if (auth.status() != AuthorizationStatus.HELD) {
      return Decision.answer("22", "pre-authorization is " + auth.status());
    }
    OptionalLong amount = r.amount();
    if (amount.isEmpty()) {
      return Decision.answer("30", "no amount");
    }
    long given = amount.getAsLong();
    if (given != auth.held && given != auth.frozen()) {
      return Decision.answer("64", "amount is neither the hold nor what remains of it");
    }
    AuthorizationStatus next =
        auth.captured() > 0 ? AuthorizationStatus.COMPLETED : AuthorizationStatus.RELEASED;
    String rrn = references.nextRrn();
    book.post(
        PostingType.CANCEL,
        auth,
        r.trace(),
        r.mtiClass(),
        rrn,
        given,
        null,
        new AuthRecord.State(0, auth.captured(), auth.refunded(), next));
    return Decision.approve(auth.authCode, rrn, "released");
  }
}
