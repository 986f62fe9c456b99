package io.escrowkit.simulator.internal;

import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.CardAccount;
import io.escrowkit.simulator.Posting;
import io.escrowkit.simulator.PostingType;
import io.escrowkit.simulator.SimulatorLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The simulator's books: cards, pre-authorizations and every approved request, indexed the ways
 * follow-up requests name their originals (authorization code, retrieval reference number, terminal
 * trace). Threadsafe: every method locks the book, and request handlers hold that lock across their
 * reads and writes so a request is applied atomically.
 */
public final class LedgerBook implements SimulatorLedger {

  private final long defaultBalance;
  private final Map<String, CardRecord> cards = new HashMap<>();
  private final Map<String, AuthRecord> authorizations = new LinkedHashMap<>();
  private final Map<String, PostingRecord> byRrn = new HashMap<>();
  private final Map<Trace, List<PostingRecord>> byTrace = new HashMap<>();
  private final List<PostingRecord> postings = new ArrayList<>();
  private long reversalsApplied;
  private long duplicateReversals;
  private long unknownReversals;
  private long duplicateAdvices;

  /** What forgotten pre-authorizations contributed to the totals. */
  private final AuthRecord.Totals closed = new AuthRecord.Totals();

  /** A book in which every card starts with {@code defaultBalance} minor units. */
  public LedgerBook(long defaultBalance) {
    this.defaultBalance = defaultBalance;
  }

  @Override
  public synchronized void setBalance(String pan, long balance) {
    card(pan).balance = balance;
  }

  synchronized CardRecord card(String pan) {
    return cards.computeIfAbsent(
        Cards.token(pan), token -> new CardRecord(Cards.mask(pan), token, defaultBalance));
  }

  /** Opens a pre-authorization with its HOLD posting; the amount is frozen. */
  synchronized AuthRecord openHold(
      String authCode, String rrn, Trace trace, String pan, String currency, long amount) {
    AuthRecord auth = new AuthRecord(authCode, rrn, trace, card(pan), currency, amount);
    authorizations.put(authCode, auth);
    post(
        PostingType.HOLD,
        auth,
        trace,
        1,
        rrn,
        amount,
        null,
        new AuthRecord.State(amount, 0, 0, AuthorizationStatus.HELD));
    return auth;
  }

  /** Records an approved request and moves its authorization to {@code next}. */
  synchronized PostingRecord post(
      PostingType type,
      AuthRecord auth,
      Trace trace,
      int mtiClass,
      String rrn,
      long amount,
      PostingRecord target,
      AuthRecord.State next) {
    PostingRecord p = new PostingRecord(type, auth, trace, mtiClass, rrn, amount, target);
    auth.set(next);
    auth.postings.add(p);
    postings.add(p);
    byRrn.put(rrn, p);
    byTrace.computeIfAbsent(trace, t -> new ArrayList<>()).add(p);
    if (type == PostingType.COMPLETION_VOID) {
      target.voided = true;
    } else if (type == PostingType.REFUND) {
      target.refunded += amount;
    }
    return p;
  }

  @Override
  public synchronized int forgetClosed() {
    Set<AuthRecord> forgotten = Collections.newSetFromMap(new IdentityHashMap<>());
    authorizations
        .values()
        .removeIf(
            a -> {
              if (a.status() == AuthorizationStatus.HELD) {
                return false;
              }
              forgotten.add(a);
              closed.add(a.frozen(), a.captured(), a.refunded());
              for (PostingRecord p : a.postings) {
                byRrn.remove(p.rrn);
                List<PostingRecord> atTrace = byTrace.get(p.trace);
                atTrace.remove(p);
                if (atTrace.isEmpty()) {
                  byTrace.remove(p.trace);
                }
              }
              return true;
            });
    postings.removeIf(p -> forgotten.contains(p.auth));
    return forgotten.size();
  }

  /**
   * Undoes a posting, which must be the last one in force on its authorization: its state before
   * comes back, and an undone HOLD leaves the authorization REVERSED with nothing frozen.
   */
  synchronized void undo(PostingRecord p) {
    p.auth.set(
        p.type == PostingType.HOLD
            ? new AuthRecord.State(0, 0, 0, AuthorizationStatus.REVERSED)
            : p.before);
    p.reversed = true;
    if (p.type == PostingType.COMPLETION_VOID) {
      p.target.voided = false;
    } else if (p.type == PostingType.REFUND) {
      p.target.refunded -= p.amount;
    }
    reversalsApplied++;
  }

  synchronized List<PostingRecord> atTrace(Trace trace) {
    return byTrace.getOrDefault(trace, Collections.emptyList());
  }

  synchronized Optional<AuthRecord> auth(String authCode) {
    return Optional.ofNullable(authorizations.get(authCode));
  }

  synchronized Optional<PostingRecord> postingByRrn(String rrn) {
    return Optional.ofNullable(byRrn.get(rrn));
  }

  synchronized void countDuplicateReversal() {
    duplicateReversals++;
  }

  synchronized void countUnknownReversal() {
    unknownReversals++;
  }

  synchronized void countDuplicateAdvice() {
    duplicateAdvices++;
  }

  // ------------------------------------------------------------------------- queries

  @Override
  public synchronized long frozenTotal() {
    return closed.frozen + sum(a -> a.frozen());
  }

  @Override
  public synchronized long capturedTotal() {
    return closed.captured + sum(a -> a.captured());
  }

  @Override
  public synchronized long refundedTotal() {
    return closed.refunded + sum(a -> a.refunded());
  }

  private long sum(ToLongFunction<AuthRecord> amount) {
    long total = 0;
    for (AuthRecord a : authorizations.values()) {
      total = Math.addExact(total, amount.applyAsLong(a));
    }
    return total;
  }

  @Override
  public synchronized List<Authorization> authorizations() {
    return snapshots(authorizations.values(), AuthRecord::snapshot);
  }

  @Override
  public synchronized Optional<Authorization> authorization(String authCode) {
    return auth(authCode).map(AuthRecord::snapshot);
  }

  @Override
  public synchronized Optional<Authorization> authorizationByRrn(String rrn) {
    return postingByRrn(rrn).map(p -> p.auth.snapshot());
  }

  @Override
  public synchronized Optional<Authorization> authorizationByTrace(
      String terminalId, String merchantId, String stan) {
    for (PostingRecord p : atTrace(new Trace(terminalId, merchantId, stan))) {
      if (p.type == PostingType.HOLD) {
        return Optional.of(p.auth.snapshot());
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized List<Posting> postings() {
    return snapshots(postings, PostingRecord::snapshot);
  }

  @Override
  public synchronized Optional<CardAccount> account(String pan) {
    return Optional.ofNullable(cards.get(Cards.token(pan))).map(CardRecord::snapshot);
  }

  @Override
  public synchronized List<CardAccount> accounts() {
    return snapshots(cards.values(), CardRecord::snapshot);
  }

  private static <T, R> List<R> snapshots(Collection<T> records, Function<T, R> snapshot) {
    List<R> out = new ArrayList<>(records.size());
    records.forEach(r -> out.add(snapshot.apply(r)));
    return Collections.unmodifiableList(out);
  }

  @Override
  public synchronized long reversalsApplied() {
    return reversalsApplied;
  }

  @Override
  public synchronized long duplicateReversals() {
    return duplicateReversals;
  }

  @Override
  public synchronized long unknownReversals() {
    return unknownReversals;
  }

  @Override
  public synchronized long duplicateAdvicesIgnored() {
    return duplicateAdvices;
  }
}
