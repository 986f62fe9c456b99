package io.escrowkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultsTest {

  private final Faults faults = new Faults(new Random(11));

  @Test
  void scriptedFaultsComeFirstInOrderAndOnlyForTheirMti() {
    faults.inject(Fault.DELAY, 1.0).next(Fault.GARBAGE, "0100").next(Fault.NO_RESPONSE);

    assertThat(faults.draw("0800")).contains(Fault.NO_RESPONSE);
    assertThat(faults.draw("0800")).contains(Fault.DELAY);
    assertThat(faults.draw("0100")).contains(Fault.GARBAGE);
    assertThat(faults.scriptedPending()).isZero();
    assertThat(faults.applied(Fault.DELAY)).isEqualTo(1);
  }

  @Test
  void nothingInjectedMeansNoFault() {
    assertThat(faults.draw("0100")).isEmpty();
  }

  @Test
  void theSameSeedDrawsTheSameFaults() {
    assertThat(draws(new Faults(new Random(4)))).isEqualTo(draws(new Faults(new Random(4))));
  }

  private static List<Optional<Fault>> draws(Faults f) {
    f.inject(Fault.DUPLICATE_RESPONSE, 0.3).inject(Fault.RESET_MID_FRAME, 0.2);
    List<Optional<Fault>> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      out.add(f.draw("0100"));
    }
    return out;
  }

  @Test
  void ratesHitRoughlyTheirShare() {
    faults.inject(Fault.WRONG_MAC, 0.25);
    for (int i = 0; i < 4_000; i++) {
      faults.draw("0200");
    }
    assertThat(faults.applied(Fault.WRONG_MAC)).isBetween(800L, 1_200L);
  }

  @Test
  void ratesTogetherMayNotExceedOne() {
    faults.inject(Fault.DELAY, 0.6);

    assertThatThrownBy(() -> faults.inject(Fault.GARBAGE, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above 1");
    faults.inject(Fault.DELAY, 0.5).inject(Fault.GARBAGE, 0.5);
    assertThat(faults.rate(Fault.GARBAGE)).isEqualTo(0.5);
  }

  @Test
  void zeroRateRemovesAFaultAndClearForgetsScripts() {
    faults.inject(Fault.DELAY, 1).inject(Fault.DELAY, 0).next(Fault.GARBAGE).clear();

    assertThat(faults.draw("0100")).isEmpty();
    assertThat(faults.rate(Fault.DELAY)).isZero();
  }

  @Test
  void specsSetRateAndDuration() {
    faults.inject(FaultSpec.parse("delay:0.1:40")).inject(FaultSpec.parse("late:0.2:9000"));

    assertThat(faults.delay()).isEqualTo(Duration.ofMillis(40));
    assertThat(faults.lateBy()).isEqualTo(Duration.ofSeconds(9));
    assertThat(faults.rate(Fault.LATE_RESPONSE)).isEqualTo(0.2);
  }

  @Test
  void negativeDurationsAndRatesAreRefused() {
    assertThatThrownBy(() -> faults.delay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.inject(Fault.DELAY, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
