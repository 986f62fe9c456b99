package io.escrowkit.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponsesTest {

  @ParameterizedTest
  @CsvSource({
    "0100,0110",
    "0200,0210",
    "0220,0230",
    "0221,0230",
    "0400,0410",
    "0420,0430",
    "0421,0430",
    "0800,0810",
    "0820,0830"
  })
  void answersAreTheRequestMtiPlusTenWithTheRepeatFlagCleared(String request, String answer) {
    assertThat(Responses.responseMti(request)).isEqualTo(answer);
  }

  @Test
  void theTpduGoesBackWithSourceAndDestinationSwapped() {
    byte[] tpdu = {0x60, 0x00, 0x03, 0x12, 0x34};

    assertThat(Responses.swapTpdu(tpdu)).containsExactly(0x60, 0x12, 0x34, 0x00, 0x03);
  }
}
