package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.RecordingTransport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trace numbers come from the journal a block (16) at a time and are never used twice. */
class TraceNumbersTest {

  @Test
  void aClientUsesItsBlockInOrderAndTheNextClientStartsPastIt() {
    InMemoryJournal journal = new InMemoryJournal();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture first = new Fixture(host, wire, journal, b -> b)) {
      for (int i = 0; i < 3; i++) {
        hold(first, "first-" + i);
      }
    }
    long drawnMeanwhile = journal.nextTrace(Fixture.TERMINAL); // e.g. by the transport's echo
    try (Fixture second = new Fixture(host, wire, journal, 7, b -> b)) {
      hold(second, "second");
    }

    List<Long> traces =
        wire.sent(RequestType.HOLD).stream().map(TransportRequest::trace).toList();
    assertThat(traces).containsExactly(1L, 2L, 3L, 18L); // 4 to 16 were the first client's
    assertThat(drawnMeanwhile).isEqualTo(17);
  }

  @Test
  void aClientDrawsAnotherBlockWhenOneIsUsedUp() {
    InMemoryJournal journal = new InMemoryJournal();
    InMemoryTransport host = InMemoryTransport.approvingAll();
    RecordingTransport wire = new RecordingTransport(host);
    try (Fixture fixture = new Fixture(host, wire, journal, b -> b)) {
      for (int i = 0; i < 40; i++) {
        hold(fixture, "hold-" + i);
      }
    }
    List<Long> traces =
        wire.sent(RequestType.HOLD).stream().map(TransportRequest::trace).toList();
    assertThat(traces).hasSize(40).doesNotHaveDuplicates().isSorted();
    assertThat(traces.get(39)).isEqualTo(40);
    assertThat(journal.nextTrace(Fixture.TERMINAL)).isEqualTo(49); // the third block was 33-48
  }

  private static void hold(Fixture fixture, String key) {
    fixture.client.hold(Money.of("10.00", "CNY")).reference("trace")
        .card(TestCards.unionPayChip()).idempotencyKey(key).execute();
  }
}
