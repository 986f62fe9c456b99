package io.escrowkit.simulator.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.EscrowSnapshot;
import io.escrowkit.EscrowState;
import io.escrowkit.simulator.Authorization;
import io.escrowkit.simulator.AuthorizationStatus;
import io.escrowkit.simulator.Posting;
import io.escrowkit.simulator.PostingType;
import io.escrowkit.simulator.SimulatorLedger;
import io.escrowkit.spi.HostReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * Checks that the SDK's view (the journal's snapshots) and the simulator's books agree exactly: per
 * escrow (held, frozen, captured, refunded, state) and in total; an escrow without an approved hold
 * was reversed (or declined) and holds nothing; every pre-authorization the SDK does not know of
 * was reversed and holds nothing, and there are no more of those than such escrows (the others
 * never reached the books: dropped unread, or lost with a connection); no completion applied twice.
 * Stateless.
 */
final class LedgerAgreement {

  private LedgerAgreement() {}

  static void assertAgree(List<EscrowSnapshot> escrows, SimulatorLedger ledger) {
    Map<String, EscrowSnapshot> byAuthCode = new HashMap<>();
    long sdkFrozen = 0;
    long sdkCaptured = 0;
    long sdkRefunded = 0;
    long withoutHold = 0;
    for (EscrowSnapshot escrow : escrows) {
      assertThat(escrow.pending()).as("escrow %s still waits on a request", escrow.id()).isEmpty();
      String code = escrow.hostReferences().get(HostReference.AUTHORIZATION_CODE);
      if (code != null) {
        assertThat(byAuthCode.put(code, escrow)).as("authorization %s twice", code).isNull();
      } else {
        withoutHold++;
        assertThat(escrow.state())
            .as("escrow %s without an approved hold", escrow.id())
            .isIn(EscrowState.REVERSED, EscrowState.DECLINED);
      }
      sdkFrozen += escrow.remainingHold().minorUnits();
      sdkCaptured += escrow.captured().minorUnits();
      sdkRefunded += escrow.refunded().minorUnits();
    }
    Map<String, Long> completions = completionsInForce(ledger.postings());
    SoftAssertions softly = new SoftAssertions();
    long hostReversed = 0;
    for (Authorization auth : ledger.authorizations()) {
      EscrowSnapshot escrow = byAuthCode.remove(auth.authCode());
      softly
          .assertThat(completions.getOrDefault(auth.authCode(), 0L))
          .as("completions in force on %s", auth.authCode())
          .isLessThanOrEqualTo(1);
      if (escrow == null) {
        hostReversed++;
        softly
            .assertThat(auth.status())
            .as("authorization %s unknown to the SDK", auth.authCode())
            .isEqualTo(AuthorizationStatus.REVERSED);
        softly
            .assertThat(auth.frozen() + auth.captured())
            .as("%s holds money", auth.authCode())
            .isZero();
        continue;
      }
      String what = "escrow " + escrow.id() + " / authorization " + auth.authCode();
      // The escrow's held drops to what was captured once the rest of the hold is released; the
      // host's stays as authorized. It is never more.
      softly
          .assertThat(escrow.held().minorUnits())
          .as(what + " held")
          .isLessThanOrEqualTo(auth.held());
      softly
          .assertThat(auth.frozen())
          .as(what + " frozen")
          .isEqualTo(escrow.remainingHold().minorUnits());
      softly
          .assertThat(auth.captured())
          .as(what + " captured")
          .isEqualTo(escrow.captured().minorUnits());
      softly
          .assertThat(auth.refunded())
          .as(what + " refunded")
          .isEqualTo(escrow.refunded().minorUnits());
      softly.assertThat(auth.status()).as(what + " status").isEqualTo(statusOf(escrow.state()));
    }
    softly
        .assertThat(byAuthCode.keySet())
        .as("authorizations the simulator does not have")
        .isEmpty();
    softly
        .assertThat(hostReversed)
        .as("reversed pre-authorizations unknown to the SDK")
        .isLessThanOrEqualTo(withoutHold);
    softly.assertThat(ledger.frozenTotal()).as("frozen total").isEqualTo(sdkFrozen);
    softly.assertThat(ledger.capturedTotal()).as("captured total").isEqualTo(sdkCaptured);
    softly.assertThat(ledger.refundedTotal()).as("refunded total").isEqualTo(sdkRefunded);
    softly.assertAll();
  }

  private static AuthorizationStatus statusOf(EscrowState state) {
    switch (state) {
      case HELD:
      case PARTIALLY_CAPTURED:
        return AuthorizationStatus.HELD;
      case CAPTURED:
      case PARTIALLY_REFUNDED:
      case REFUNDED:
        return AuthorizationStatus.COMPLETED;
      case RELEASED:
        return AuthorizationStatus.RELEASED;
      case REVERSED:
        return AuthorizationStatus.REVERSED;
      default:
        throw new AssertionError("an escrow settled in " + state);
    }
  }

  private static Map<String, Long> completionsInForce(List<Posting> postings) {
    Map<String, Long> count = new HashMap<>();
    for (Posting p : postings) {
      if (p.type() == PostingType.COMPLETION && !p.reversed()) {
        count.merge(p.authCode(), 1L, Long::sum);
      }
    }
    return count;
  }
}
