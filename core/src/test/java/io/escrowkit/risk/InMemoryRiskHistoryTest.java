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

  @Test
  void recordsOlderThanTheRetentionArePruned() {
    RiskContext old = hold().reference("old").at(T0).build();
    history.record(old);
    history.record(hold().card(Holds.CARD_B).at(T0.plus(RETENTION).plusNanos(1)).build());

    assertThat(history.size()).isEqualTo(1);
    assertThat(history.forCard(CARD_A, Instant.EPOCH, T0.plus(RETENTION))).isEmpty();
    assertThat(history.totalForMerchant("M001", CNY, Instant.EPOCH, T0.plusSeconds(1)))
        .isEqualTo(Money.of("0.00", "CNY"));
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
