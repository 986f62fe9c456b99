package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.memory.Fault;
import io.escrowkit.risk.InMemoryRiskHistory;
import io.escrowkit.risk.Refusal;
import io.escrowkit.risk.RiskChain;
import io.escrowkit.risk.RiskContext;
import io.escrowkit.risk.RiskDecision;
import io.escrowkit.risk.RiskException;
import io.escrowkit.risk.RiskHistory;
import io.escrowkit.risk.RiskRule;
import io.escrowkit.risk.RiskRules;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.testing.Fixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a hold that failed leaves in the risk history, and a custom rule's refusal. */
class RiskAfterFailedHoldsTest {
  private static final Money AMOUNT = Money.of("300.00", "CNY");
  private static final Duration LIMIT = Duration.ofSeconds(10);

  /**
   * A hold whose answer was lost is reversed; the retry its failure's remedy asks for is then not
   * refused as a duplicate of a hold that never took effect.
   */
  @Test
  void theRetryOfAHoldReversedAfterALostAnswerIsNotADuplicate() {
    RiskChain risk = RiskChain.builder().rule(RiskRules.duplicate(Duration.ofMinutes(10))).build();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    try (Fixture fixture =
        new Fixture(host, host, new InMemoryJournal(), b -> b.risk(risk))) {
      host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
      Escrow lost = hold(fixture);
      assertThat(lost.state()).isEqualTo(EscrowState.IN_DOUBT);
      fixture.events.awaitState(lost.id(), EscrowState.REVERSED, LIMIT);

      Escrow retried = hold(fixture);

      assertThat(retried.state()).isEqualTo(EscrowState.HELD);
    }
  }

  /** Some ISO 87 hosts answer 12 to a reversal they refused: the hold keeps counting. */
  @Test
  void aHoldWhoseReversalWasAnswered12KeepsCounting() {
    RiskChain risk = RiskChain.builder().rule(RiskRules.duplicate(Duration.ofMinutes(10))).build();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    Transport answering12ToReversals = new Transport() {
      @Override
      public String name() {
        return "answers reversals 12";
      }

      @Override
      public CompletableFuture<TransportOutcome> send(TransportRequest request) {
        CompletableFuture<TransportOutcome> answer = host.send(request);
        return request.type() == RequestType.REVERSAL
            ? answer.thenApply(reversed -> TransportOutcome.fromResponseCode("12", Map.of()))
            : answer;
      }
    };
    try (Fixture fixture =
        new Fixture(host, answering12ToReversals, new InMemoryJournal(), b -> b.risk(risk))) {
      host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
      Escrow lost = hold(fixture);
      fixture.events.awaitState(lost.id(), EscrowState.REVERSED, LIMIT);

      Escrow retried = hold(fixture);

      assertThat(retried.state()).isEqualTo(EscrowState.DECLINED);
      assertThat(retried.failure().get().code()).isEqualTo("RISK/DUPLICATE");
    }
  }

  /** A risk history that fails to withdraw is logged; the reversal is recorded all the same. */
  @Test
  void aHistoryThatCannotWithdrawDoesNotHoldUpTheReversal() {
    InMemoryRiskHistory kept = new InMemoryRiskHistory();
    RiskHistory failing = new RiskHistory() {
      @Override
      public void record(RiskContext acceptedHold) {
        kept.record(acceptedHold);
      }

      @Override
      public boolean forget(RiskContext hold) {
        throw new IllegalStateException("test: the risk database is down");
      }

      @Override
      public List<RiskContext> forCard(String cardToken, Instant from, Instant until) {
        return kept.forCard(cardToken, from, until);
      }

      @Override
      public Money totalForMerchant(
          String merchantId, Currency currency, Instant from, Instant until) {
        return kept.totalForMerchant(merchantId, currency, from, until);
      }
    };
    RiskChain risk = RiskChain.builder()
        .rule(RiskRules.duplicate(Duration.ofMinutes(10)))
        .history(failing)
        .build();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    try (Fixture fixture = new Fixture(host, host, new InMemoryJournal(), b -> b.risk(risk))) {
      host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
      Escrow lost = hold(fixture);

      fixture.events.awaitState(lost.id(), EscrowState.REVERSED, LIMIT);
      assertThat(fixture.journal.pendingWork()).isEmpty();
    }
  }

  @Test
  void aReasonCodeLongerThanAFailureCodeTakesIsRefusedWhereTheRuleMakesIt() {
    assertThatThrownBy(() -> new Refusal("custom", "A".repeat(41), "too long"))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("reasonCode");

    String longest = "B".repeat(Refusal.MAX_REASON_CODE_LENGTH);
    RiskRule custom = new RiskRule() {
      @Override
      public String name() {
        return "custom";
      }

      @Override
      public RiskDecision evaluate(RiskContext context, RiskHistory history) {
        return new Refusal("custom", longest, "refused by the test's rule");
      }
    };
    InMemoryTransport host = InMemoryTransport.approvingAll();
    try (Fixture fixture = new Fixture(host, host, new InMemoryJournal(),
        b -> b.risk(RiskChain.builder().rule(custom).build()))) {
      Escrow refused = hold(fixture);

      assertThat(refused.state()).isEqualTo(EscrowState.DECLINED);
      assertThat(refused.failure().get().code()).isEqualTo("RISK/" + longest);
      assertThat(host.received(RequestType.HOLD)).isZero();
    }
  }

  private static Escrow hold(Fixture fixture) {
    return fixture.client.hold(AMOUNT).reference("room 0712").card(TestCards.unionPayChip())
        .execute();
  }
}
