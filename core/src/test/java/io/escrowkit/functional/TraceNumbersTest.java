package io.escrowkit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.escrowkit.EscrowClient;
import io.escrowkit.JournalFailureException;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.testing.Fixture;
import io.escrowkit.testing.ForwardingJournal;
import io.escrowkit.testing.RecordingTransport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Trace numbers come from the journal one at a time, or a block at a time when the client asks
 * for blocks, and are never used twice.
 */
class TraceNumbersTest {
  private final InMemoryJournal journal = new InMemoryJournal();
  private final InMemoryTransport host = InMemoryTransport.approvingAll();
  private final RecordingTransport wire = new RecordingTransport(host);

  @Test
  void byDefaultEachRequestDrawsTheNextNumber() {
    try (Fixture first = new Fixture(host, wire, journal, b -> b)) {
      holds(first, "first", 3);
    }
    long drawnMeanwhile = journal.nextTrace(Fixture.TERMINAL); // e.g. by the transport's echo
    try (Fixture second = new Fixture(host, wire, journal, 7, b -> b)) {
      holds(second, "second", 1);
    }

    assertThat(holdTraces()).containsExactly(1L, 2L, 3L, 5L);
    assertThat(drawnMeanwhile).isEqualTo(4);
  }

  @Test
  void aClientUsesItsBlockInOrderAndTheNextClientStartsPastIt() {
    try (Fixture first = new Fixture(host, wire, journal, b -> b.traceBlock(16))) {
      holds(first, "first", 3);
    }
    long drawnMeanwhile = journal.nextTrace(Fixture.TERMINAL);
    try (Fixture second = new Fixture(host, wire, journal, 7, b -> b.traceBlock(16))) {
      holds(second, "second", 1);
    }

    assertThat(holdTraces()).containsExactly(1L, 2L, 3L, 18L); // 4 to 16 were the first client's
    assertThat(drawnMeanwhile).isEqualTo(17);
  }

  @Test
  void aClientDrawsAnotherBlockWhenOneIsUsedUp() {
    try (Fixture fixture = new Fixture(host, wire, journal, b -> b.traceBlock(16))) {
      holds(fixture, "hold", 40);
    }

    assertThat(holdTraces()).hasSize(40).doesNotHaveDuplicates().isSorted().endsWith(40L);
    assertThat(journal.nextTrace(Fixture.TERMINAL)).isEqualTo(49); // the third block was 33-48
  }

  @Test
  void aBlockLeftUnusedForOverAMinuteIsDropped() {
    try (Fixture fixture = new Fixture(host, wire, journal, b -> b.traceBlock(16))) {
      holds(fixture, "early", 2);
      fixture.clock.advance(Duration.ofSeconds(61));
      holds(fixture, "late", 1);
    }

    assertThat(holdTraces()).containsExactly(1L, 2L, 17L);
  }

  @Test
  void aFailedDrawFailsThatRequestOnlyAndTheNextDrawsAgain() {
    AtomicInteger draws = new AtomicInteger();
    ForwardingJournal failingSecondDraw = new ForwardingJournal(journal) {
      @Override
      public long[] nextTraces(String terminalId, int count) {
        if (draws.incrementAndGet() == 2) {
          throw new JournalFailureException("trace counter unreachable", new SQLException("down"));
        }
        return super.nextTraces(terminalId, count);
      }
    };
    try (Fixture fixture = new Fixture(host, wire, failingSecondDraw, b -> b.traceBlock(2))) {
      holds(fixture, "before", 2);
      assertThatThrownBy(() -> holds(fixture, "failed", 1))
          .isInstanceOf(JournalFailureException.class)
          .hasMessageContaining("trace counter unreachable");
      holds(fixture, "after", 2);
    }

    assertThat(holdTraces()).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void theBlockSizeIsOneToAThousand() {
    assertThatThrownBy(() -> EscrowClient.builder().traceBlock(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EscrowClient.builder().traceBlock(1001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<Long> holdTraces() {
    return wire.sent(RequestType.HOLD).stream().map(TransportRequest::trace).toList();
  }

  private static void holds(Fixture fixture, String keyPrefix, int count) {
    for (int i = 0; i < count; i++) {
      fixture.client.hold(Money.of("10.00", "CNY")).reference("trace")
          .card(TestCards.unionPayChip()).idempotencyKey(keyPrefix + "-" + i).execute();
    }
  }
}
