package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DailyLimitPropertyTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final long LIMIT_MINOR = 5000_00;
  private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  /**
   * Whatever the order and timing of the holds, each card's accepted total per Shanghai day stays
   * within the limit, and a hold is refused only if it would have taken its day over.
   */
  @Property
  void acceptedTotalPerCardAndDayNeverExceedsTheLimit(
      @ForAll("holdSequences") List<RiskContext> holds) {
    RiskChain chain =
        RiskChain.builder()
            .rule(RiskRules.dailyLimit(Money.ofMinor(LIMIT_MINOR, "CNY"), SHANGHAI))
            .history(new InMemoryRiskHistory(Duration.ofDays(10), 10_000))
            .build();
    Map<String, Long> acceptedPerCardDay = new HashMap<>();

    for (RiskContext hold : holds) {
      String cardDay = hold.cardToken() + "@" + hold.at().atZone(SHANGHAI).toLocalDate();
      long before = acceptedPerCardDay.getOrDefault(cardDay, 0L);
      long amount = hold.amount().minorUnits();

      if (chain.evaluateAndAccept(hold).allowed()) {
        acceptedPerCardDay.put(cardDay, before + amount);
        assertThat(before + amount).as("accepted on %s", cardDay).isLessThanOrEqualTo(LIMIT_MINOR);
      } else {
        assertThat(before + amount).as("refused on %s", cardDay).isGreaterThan(LIMIT_MINOR);
      }
    }
  }

  @Provide
  Arbitrary<List<RiskContext>> holdSequences() {
    Arbitrary<RiskContext> oneHold =
        Combinators.combine(
                Arbitraries.of(Holds.CARD_A, Holds.CARD_B, "tok-card-c"),
                Arbitraries.longs().between(1, 3000_00),
                Arbitraries.longs().between(0, 3 * 24 * 60))
            .as(
                (card, minor, minute) ->
                    hold()
                        .card(card)
                        .amount(Money.ofMinor(minor, "CNY"))
                        .at(START.plus(Duration.ofMinutes(minute)))
                        .build());
    return oneHold.list().ofMaxSize(60);
  }
}
