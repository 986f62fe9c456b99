package io.escrowkit.simulator.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.HostProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A frame that stops halfway (its length prefix announces more than comes) closes its connection
 * after the frame timeout, as a host's read timeout would, instead of taking the next request's
 * bytes for the rest of it; a connection idle between frames stays open meanwhile.
 */
class HalfFrameTest {

  @Test
  void aHalfFrameClosesItsConnectionAndAnIdleOneStaysOpen() throws Exception {
    try (AcquirerSimulator host = AcquirerSimulator.builder()
            .profile(HostProfile.ISO87_BINARY)
            .frameTimeout(Duration.ofMillis(200))
            .start();
        TestTerminal idle = new TestTerminal(host);
        TestTerminal halfway = new TestTerminal(host)) {
      Requests requests = new Requests(HostProfile.ISO87_BINARY);
      assertThat(idle.exchange(requests.echo()).readString(39)).isEqualTo("00");

      // A 2-byte length of 100, then 10 of the 100 bytes.
      halfway.sendRaw(new byte[] {0, 100, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});

      assertThat(halfway.isClosedByHost()).isTrue();
      // The idle connection waited longer than the timeout (the other closed after it) and works.
      assertThat(idle.exchange(requests.echo()).readString(39)).isEqualTo("00");
    }
  }
}
