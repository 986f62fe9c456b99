package io.escrowkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.iso8583.LengthPrefix;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorBuilderTest {

  @Test
  void aSettingGivenTwiceFailsNamingIt() {
    SimulatorBuilder b = AcquirerSimulator.builder().profile(HostProfile.CUP);

    assertThatThrownBy(() -> b.profile(HostProfile.ISO87_ASCII))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("profile was already set");
    assertThatThrownBy(() -> AcquirerSimulator.builder().seed(1).random(new java.util.Random()))
        .hasMessage("random was already set");
  }

  @Test
  void keyCheckFaultsNeedWorkingKeys() {
    try (AcquirerSimulator host = AcquirerSimulator.builder().start()) {
      assertThatThrownBy(() -> host.corruptKeyCheckValues(1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("issueWorkingKeys");
    }
  }

  @Test
  void aStreamNeedsALengthPrefix() {
    assertThatThrownBy(() -> AcquirerSimulator.builder().framing(LengthPrefix.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 or 4a");
  }

  @Test
  void aFrameTimeoutUnderAMillisecondIsRefused() {
    // setSoTimeout(0) would mean no timeout at all
    assertThatThrownBy(() -> AcquirerSimulator.builder().frameTimeout(Duration.ofNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frameTimeout must be 1 ms");
  }

  @Test
  void portsOutsideTheRangeAreRefused() {
    assertThatThrownBy(() -> AcquirerSimulator.builder().port(65_536))
        .hasMessageContaining("65535");
  }

  @Test
  void defaultsAreUnionPayOnAnEphemeralPortWithTheProfilesFraming() {
    try (AcquirerSimulator host = AcquirerSimulator.builder().start()) {
      assertThat(host.profile()).isEqualTo(HostProfile.CUP);
      assertThat(host.framing()).isEqualTo(LengthPrefix.BINARY_2);
      assertThat(host.port()).isPositive();
      assertThat(host.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(host.toString()).contains("cup").contains(String.valueOf(host.port()));
    }
  }

  @Test
  void framingCanDifferFromTheProfilesDefault() {
    try (AcquirerSimulator host =
        AcquirerSimulator.builder()
            .profile(HostProfile.ISO87_BINARY)
            .framing(LengthPrefix.ASCII_4)
            .start()) {
      assertThat(host.framing()).isEqualTo(LengthPrefix.ASCII_4);
    }
  }

  @Test
  void aTakenPortIsASimulatorException() {
    try (AcquirerSimulator first = AcquirerSimulator.builder().start()) {
      assertThatThrownBy(() -> AcquirerSimulator.builder().port(first.port()).start())
          .isInstanceOf(SimulatorException.class)
          .hasMessageContaining(String.valueOf(first.port()));
    }
  }

  @Test
  void oneBuilderStartsIndependentSimulators() {
    SimulatorBuilder b = AcquirerSimulator.builder().cardBalance("6225880012345678", 5);
    try (AcquirerSimulator one = b.start();
        AcquirerSimulator two = b.start()) {
      one.ledger().setBalance("6225880012345678", 7);

      assertThat(one.port()).isNotEqualTo(two.port());
      assertThat(two.ledger().account("6225880012345678").get().balance()).isEqualTo(5);
    }
  }

  @Test
  void faultRatesAboveOneInTotalAreRefusedAtStart() {
    SimulatorBuilder b =
        AcquirerSimulator.builder().fault(Fault.DELAY, 0.7).fault(Fault.GARBAGE, 0.7);

    assertThatThrownBy(b::start).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void profilesAreFoundByTheirCommandLineNames() {
    assertThat(HostProfile.forName("ISO87ASCII")).isEqualTo(HostProfile.ISO87_ASCII);
    assertThat(HostProfile.forName("iso87_binary")).isEqualTo(HostProfile.ISO87_BINARY);
    assertThatThrownBy(() -> HostProfile.forName("visa"))
        .hasMessage("profile 'visa' is not one of cup, iso87binary, iso87ascii");
  }
}
