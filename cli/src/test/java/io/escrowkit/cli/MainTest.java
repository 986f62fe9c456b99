package io.escrowkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void unknownCommandIsAUsageErrorNamingIt() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'")
        .contains("demo");
  }

  @Test
  void noCommandPrintsUsageAndFails() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
  }

  @Test
  void demoRunsAllThreeEscrowsToTheirEnd() {
    assertThat(run("demo")).isEqualTo(0);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("CAPTURE_PENDING  -> CAPTURED")
        .contains("RELEASE_PENDING  -> RELEASED")
        .contains("IN_DOUBT         -> REVERSED")
        .contains("620000******0005")
        .doesNotContain("6200000000000005")
        .contains("frozen on cards in total: 0.00 CNY")
        .contains("(REVERSED)");
  }
}
