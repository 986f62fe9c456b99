package io.escrowkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FaultSpecTest {

  @Test
  void parsesNameAndRate() {
    assertThat(FaultSpec.parse("no-response:0.01"))
        .isEqualTo(new FaultSpec(Fault.NO_RESPONSE, 0.01, Optional.empty()));
  }

  @Test
  void parsesTheDurationOfDelayAndLate() {
    assertThat(FaultSpec.parse("delay:0.1:300").duration()).contains(Duration.ofMillis(300));
    assertThat(FaultSpec.parse("LATE_RESPONSE:1:35000").duration())
        .contains(Duration.ofSeconds(35));
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void everyFaultParsesByItsCommandLineName(Fault fault) {
    assertThat(FaultSpec.parse(fault.cliName() + ":0.5").fault()).isEqualTo(fault);
    assertThat(FaultSpec.parse(fault.cliName() + ":0.5").toString())
        .isEqualTo(fault.cliName() + ":0.5");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "delay",
        "delay:",
        "delay:x",
        "delay:1.5",
        "delay:-0.1",
        "reset:0.1:100",
        "delay:0.1:ms",
        "delay:0.1:-5",
        "frobnicate:0.1",
        "a:b:c:d"
      })
  void refusesMalformedSpecsSayingWhy(String text) {
    assertThatThrownBy(() -> FaultSpec.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fault");
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Fault.forName("frobnicate"))
        .hasMessageContaining("no-response")
        .hasMessageContaining("wrong-mac");
  }
}
