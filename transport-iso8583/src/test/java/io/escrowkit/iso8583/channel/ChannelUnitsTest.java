package io.escrowkit.iso8583.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.Specs;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChannelUnitsTest {

  @Test
  void backoffDoublesWithJitterAndStopsAtTheCap() {
    ReconnectBackoff backoff =
        new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(7));
    for (int round = 0; round < 50; round++) {
      assertThat(backoff.delay(1).toMillis()).isBetween(50L, 100L);
      assertThat(backoff.delay(2).toMillis()).isBetween(100L, 200L);
      assertThat(backoff.delay(4).toMillis()).isBetween(400L, 800L);
      assertThat(backoff.delay(30).toMillis()).isBetween(1000L, 2000L);
    }
  }

  @Test
  void backoffJitterComesFromTheInjectedRandomSource() {
    ReconnectBackoff one =
        new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(7));
    ReconnectBackoff same =
        new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(7));
    for (int attempt = 1; attempt < 10; attempt++) {
      assertThat(one.delay(attempt)).isEqualTo(same.delay(attempt));
    }
  }

  @Test
  void answerMtiIsTheRequestsWithFunctionPlusOneAndTheFirstSendingsOrigin() {
    assertThat(MatchKey.answerMti("0100")).isEqualTo("0110");
    assertThat(MatchKey.answerMti("0220")).isEqualTo("0230");
    assertThat(MatchKey.answerMti("0221")).isEqualTo("0230");
    assertThat(MatchKey.answerMti("0400")).isEqualTo("0410");
    assertThat(MatchKey.answerMti("0420")).isEqualTo("0430");
    assertThat(MatchKey.answerMti("0820")).isEqualTo("0830");
    assertThat(MatchKey.answerMti("0801")).isEqualTo("0810");
    assertThat(MatchKey.answerMti("0802")).isEqualTo("0812");
    assertThat(MatchKey.answerMti("0803")).isEqualTo("0812");
  }

  @Test
  void anAnswerMayEchoTheRepeatsOriginDigit() {
    assertThat(MatchKey.answers("0230", "0230")).isTrue();
    assertThat(MatchKey.answers("0231", "0230")).isTrue();
    assertThat(MatchKey.answers("0411", "0410")).isTrue();
    assertThat(MatchKey.answers("0813", "0812")).isTrue();
    assertThat(MatchKey.answers("0232", "0230")).isFalse();
    assertThat(MatchKey.answers("0210", "0230")).isFalse();
    assertThat(MatchKey.answers("0130", "0230")).isFalse();
    assertThat(MatchKey.answers("0110", "0111")).isFalse(); // never expected; no slack
  }

  @Test
  void keyIsTerminalTraceAndMessageClass() {
    IsoMessage hold = ChannelTestSupport.request(Specs.iso87Binary(), "0100", 7);
    IsoMessage reversal = ChannelTestSupport.request(Specs.iso87Binary(), "0400", 7);

    assertThat(MatchKey.ofRequest(hold))
        .isEqualTo(new MatchKey(ChannelTestSupport.TERMINAL, 7, '1'))
        .isNotEqualTo(MatchKey.ofRequest(reversal));
  }

  @Test
  void dumpMasksThePanAndHidesTrackPinAndChipData() {
    IsoMessage message =
        IsoMessage.builder(Specs.unionPayPos())
            .mti("0100")
            .tpdu(new byte[] {0x60, 0, 0, 0, 0})
            .header(new byte[] {0x60, 0x31, 0, 0x31, 0, 0})
            .set(2, "6200000000000005")
            .set(11, "000001")
            .set(14, "4912")
            .set(35, "6200000000000005=49122010000000000")
            .set(41, "TERM0001")
            .set(52, new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
            .set(55, new byte[] {(byte) 0x9F, 0x26, 1, 9})
            .build();

    String dump = MessageDump.of(message);

    assertThat(dump)
        .contains("2=620000******0005")
        .contains("41='TERM0001'")
        .doesNotContain("6200000000000005")
        .doesNotContain("4912")
        .doesNotContain("0102030405060708")
        .doesNotContain("9F2601");
  }
}
