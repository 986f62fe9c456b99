package io.escrowkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids: their shape, uniqueness across refills of the random pool, and replay from a seed. */
class IdsTest {
  @Test
  void everyKindHasItsPrefixAndTwentyBase32Digits() {
    Ids ids = new Ids(new SecureRandom());

    assertThat(ids.escrowId()).matches("esc_[0-9a-v]{20}");
    assertThat(ids.operationId()).matches("op_[0-9a-v]{20}");
    assertThat(ids.idempotencyKey()).matches("key_[0-9a-v]{20}");
    assertThat(ids.workId()).matches("work_[0-9a-v]{20}");
  }

  @Test
  void tenThousandIdsAreDistinctAndUseTheWholeAlphabet() {
    Ids ids = new Ids(new SecureRandom());
    Set<String> seen = new HashSet<>();
    Set<Character> digits = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = ids.escrowId();
      seen.add(id);
      id.substring(4).chars().forEach(c -> digits.add((char) c));
    }

    assertThat(seen).hasSize(10_000);
    assertThat(digits).hasSize(32);
  }

  @Test
  void eachDigitIsFiveBitsOfTheDrawnLongs() {
    assertThat(new Ids(bytesOf((byte) 0)).escrowId()).isEqualTo("esc_" + "0".repeat(20));
    assertThat(new Ids(bytesOf((byte) 0xFF)).escrowId()).isEqualTo("esc_" + "v".repeat(20));
    // 0x01 in every byte: the low 50 bits of 0x0101010101010101, five at a time, lowest first
    long bits = 0x0101010101010101L;
    StringBuilder expected = new StringBuilder("esc_");
    for (int half = 0; half < 2; half++) {
      for (int i = 0; i < 10; i++) {
        expected.append(Character.forDigit((int) (bits >>> (5 * i)) & 31, 32));
      }
    }
    assertThat(new Ids(bytesOf((byte) 1)).escrowId()).isEqualTo(expected.toString());
  }

  @Test
  void theSameSeedGivesTheSameIds() {
    assertThat(draw(new Ids(new Random(42)))).isEqualTo(draw(new Ids(new Random(42))));
    assertThat(draw(new Ids(new Random(42)))).isNotEqualTo(draw(new Ids(new Random(43))));
  }

  /** A random source whose every byte is {@code value}. */
  private static Random bytesOf(byte value) {
    return new Random() {
      @Override
      public void nextBytes(byte[] bytes) {
        java.util.Arrays.fill(bytes, value);
      }
    };
  }

  private static List<String> draw(Ids ids) {
    List<String> drawn = new ArrayList<>();
    for (int i = 0; i < 20; i++) { // past one refill of the pool
      drawn.add(ids.operationId());
    }
    return drawn;
  }
}
