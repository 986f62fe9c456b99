package io.escrowkit.risk;

import static io.escrowkit.risk.Holds.CARD_A;
import static io.escrowkit.risk.Holds.T0;
import static io.escrowkit.risk.Holds.hold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class InMemoryRiskHistoryTest {

  private static final Duration RETENTION = Duration.ofHours(1);
  private static final Currency CNY = Currency.getInstance("CNY");

  private final InMemoryRiskHistory history = new InMemoryRiskHistory(RETENTION, 1_000);

  @Test
  void recordExactlyTheRetentionOlderThanTheNewestIsKept() {
    history.record(hold().reference("old").at(T0).build());
    history.record(hold().reference("new").at(T0.plus(RETENTION)).build());

    assertThat(history.size()).isEqualTo(2);
  }

  /**
   * Pruned by the next hold's time; the first after a pause longer than the retention prunes by
   * size only, as it may come from a clock that jumped (next test), and the one after it by time.
   */
  @Test
  void recordsOlderThanTheRetentionArePruned() {
    RiskContext old = hold().reference("old").at(T0).build();
    history.record(old);
    history.record(hold().card(Holds.CARD_B).at(T0.plus(RETENTION).minusSeconds(1)).build());
    history.record(hold().card(Holds.CARD_B).at(T0.plus(RETENTION).plusNanos(1)).build());

    assertThat(history.size()).isEqualTo(2);
    assertThat(history.forCard(CARD_A, Instant.EPOCH, T0.plus(RETENTION))).isEmpty();
    assertThat(history.totalForMerchant("M001", CNY, Instant.EPOCH, T0.plusSeconds(1)))
        .isEqualTo(Money.of("0.00", "CNY"));
  }

  /** One hold from a clock that jumped days ahead does not drop every card's history. */
  @Test
  void aHoldStampedFarAheadDropsNoOtherCardsRecords() {
    for (int i = 0; i < 3; i++) {
      history.record(hold().reference("a" + i).at(T0.plusSeconds(60L * i)).build());
    }
    history.record(hold().card(Holds.CARD_B).at(T0.plus(Duration.ofDays(3))).build());
    history.record(hold().reference("a3").at(T0.plusSeconds(240)).build());

    assertThat(history.forCard(CARD_A, T0, T0.plus(RETENTION)))
        .extracting(RiskContext::reference)
        .containsExactly("a0", "a1", "a2", "a3");
  }

  @Test
  void beyondMaxRecordsTheOldestRecordedIsDropped() {
    InMemoryRiskHistory small = new InMemoryRiskHistory(RETENTION, 2);
    small.record(hold().reference("first").build());
    small.record(hold().reference("second").build());
    small.record(hold().reference("third").build());

    assertThat(small.size()).isEqualTo(2);
    assertThat(small.forCard(CARD_A, T0, T0.plusSeconds(1)))
        .extracting(RiskContext::reference)
        .containsExactly("second", "third");
  }

  @Test
  void rangesIncludeTheStartAndExcludeTheEnd() {
    history.record(hold().at(T0).build());

    assertThat(history.countForCard(CARD_A, T0, T0.plusNanos(1))).isEqualTo(1);
    assertThat(history.countForCard(CARD_A, T0.minusSeconds(1), T0)).isZero();
  }

  @Test
  void totalsCountOnlyTheRequestedCurrencyAndOwner() {
    history.record(hold().amount("10.00").build());
    history.record(hold().amount("2.50").card(Holds.CARD_B).build());
    history.record(hold().amount(Money.of("99.00", "USD")).build());
    history.record(hold().amount("1000.00").merchant("M002").build());

    assertThat(history.totalForCard(CARD_A, CNY, T0, T0.plusSeconds(1)))
        .isEqualTo(Money.of("1010.00", "CNY"));
    assertThat(history.totalForMerchant("M001", CNY, T0, T0.plusSeconds(1)))
        .isEqualTo(Money.of("12.50", "CNY"));
  }

  @Test
  void forgetRemovesOneEqualRecord() {
    RiskContext hold = hold().build();
    history.record(hold);
    history.record(hold);

    assertThat(history.forget(hold)).isTrue();

    assertThat(history.size()).isEqualTo(1);
    assertThat(history.totalForMerchant("M001", CNY, T0, T0.plusSeconds(1)))
        .isEqualTo(Money.of("100.00", "CNY"));
    assertThat(history.forget(hold().reference("other").build())).isFalse();
  }

  @Test
  void rangeEndingBeforeItStartsIsRejected() {
    assertThatThrownBy(() -> history.forCard(CARD_A, T0, T0.minusNanos(1)))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("after its end");
  }

  @Test
  void zeroMaxRecordsIsRejected() {
    assertThatThrownBy(() -> new InMemoryRiskHistory(RETENTION, 0))
        .isInstanceOf(RiskException.class)
        .hasMessageContaining("maxRecords");
  }
}
