package io.escrowkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.failure.ResponseCodes;
import org.junit.jupiter.api.Test;

class DeclineTriggersTest {

  @Test
  void theEndingOfTheAmountPicksTheCode() {
    assertThat(DeclineTriggers.codeFor(12_851)).contains("51");
    assertThat(DeclineTriggers.codeFor(5)).contains("05");
    assertThat(DeclineTriggers.codeFor(10_000)).isEmpty();
    assertThat(DeclineTriggers.codeFor(10_099)).isEmpty();
  }

  @Test
  void everyTriggeredCodeIsInTheResponseCodeCatalog() {
    assertThat(DeclineTriggers.table().values())
        .allSatisfy(code -> assertThat(ResponseCodes.lookup(code)).isPresent());
  }
}
