package io.escrowkit.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  @Test
  void authorizationCodesAreSixDigitsAndDoNotRepeat() {
    References refs = new References(new Random(1));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 50_000; i++) {
      String code = refs.nextAuthCode();
      assertThat(code).matches("\\d{6}").isNotEqualTo("000000");
      assertThat(seen.add(code)).as("code %s repeated", code).isTrue();
    }
  }

  @Test
  void referenceNumbersAreTwelveDigitsAndCountUp() {
    References refs = new References(new Random(1));
    long first = Long.parseLong(refs.nextRrn());
    String second = refs.nextRrn();

    assertThat(second).matches("\\d{12}");
    assertThat(Long.parseLong(second)).isGreaterThan(first);
  }

  @Test
  void theSameSeedGivesTheSameSequence() {
    References a = new References(new Random(9));
    References b = new References(new Random(9));

    assertThat(a.nextAuthCode() + a.nextRrn()).isEqualTo(b.nextAuthCode() + b.nextRrn());
  }
}
