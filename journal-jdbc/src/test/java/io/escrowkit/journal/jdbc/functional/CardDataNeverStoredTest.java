package io.escrowkit.journal.jdbc.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.Escrow;
import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowState;
import io.escrowkit.Money;
import io.escrowkit.device.simulated.TestCards;
import io.escrowkit.journal.jdbc.ExportFormat;
import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.journal.jdbc.testing.Clients;
import io.escrowkit.journal.jdbc.testing.Transitions;
import io.escrowkit.memory.Fault;
import io.escrowkit.memory.InMemoryTransport;
import io.escrowkit.spi.RequestType;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full card number and track data never reach the journal's files, backups or exports. */
class CardDataNeverStoredTest {
  private static final String PAN = TestCards.UNIONPAY_PAN;
  @TempDir Path dir;

  @Test
  void noFileTheJournalWritesHoldsTheCardNumber() throws IOException {
    InMemoryTransport host = InMemoryTransport.approvingAll();
    Transitions events = new Transitions();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    Path file = dir.resolve("journal.db");
    StringWriter json = new StringWriter();
    StringWriter csv = new StringWriter();
    try (JdbcJournal journal = JdbcJournal.sqlite(file);
        EscrowClient client =
            Clients.builder(journal, host, scheduler, 7).listener(events).build()) {
      Escrow held =
          client
              .hold(Money.of("128.00", "CNY"))
              .reference("room-1")
              .card(TestCards.unionPayChip())
              .execute();
      held.capture(Money.of("100.00", "CNY")).execute();
      host.injectNext(RequestType.HOLD, Fault.RESPONSE_LOST);
      Escrow inDoubt =
          client
              .hold(Money.of("10.00", "CNY"))
              .reference("room-2")
              .card(TestCards.unionPayChip())
              .execute();
      events.awaitState(inDoubt.id(), EscrowState.REVERSED, Duration.ofSeconds(20));

      assertNoCardNumberIn(dir); // journal and its WAL while open
      journal.backupTo(dir.resolve("backup.db"));
      journal.exportEscrows(json, ExportFormat.JSON_LINES);
      journal.exportEscrows(csv, ExportFormat.CSV);
    } finally {
      scheduler.shutdownNow();
    }

    assertNoCardNumberIn(dir);
    assertThat(json.toString()).contains("620000******0005").doesNotContain(PAN);
    assertThat(csv.toString()).contains("620000******0005").doesNotContain(PAN);
  }

  private static void assertNoCardNumberIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(bytes)
            .as("%s", file.getFileName())
            .doesNotContain(PAN)
            .doesNotContain(PAN.substring(0, 10))
            .doesNotContain("=4912");
      }
    }
  }
}
