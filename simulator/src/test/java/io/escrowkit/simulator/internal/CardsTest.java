package io.escrowkit.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardsTest {

  @Test
  void masksAllButTheFirstSixAndLastFour() {
    assertThat(Cards.mask("6225880012345678")).isEqualTo("622588******5678");
    assertThat(Cards.mask("6225880012345678901")).isEqualTo("622588*********8901");
    assertThat(Cards.mask("123456")).isEqualTo("******");
  }

  @Test
  void tokensAreStableOneWayAndDistinct() {
    String token = Cards.token("6225880012345678");

    assertThat(token).hasSize(16).matches("[0-9a-f]+").doesNotContain("5678");
    assertThat(Cards.token("6225880012345678")).isEqualTo(token);
    assertThat(Cards.token("6225880012345679")).isNotEqualTo(token);
  }
}
