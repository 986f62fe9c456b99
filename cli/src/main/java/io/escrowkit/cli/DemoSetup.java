package io.escrowkit.cli;

import io.escrowkit.EscrowClient;
import io.escrowkit.EscrowListener;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.IsoTransport;
import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.spi.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Wires the demo's parts: the acquirer simulator on a loopback port, the ISO 8583 transport to it,
 * the journal and the client. Closing closes them in reverse order.
 */
final class DemoSetup implements AutoCloseable {
  static final String MERCHANT = "898310048990001";
  static final String TERMINAL = "10000001";

  private final AcquirerSimulator acquirer;
  private final Journal journal;
  private final Path journalFile;
  private final IsoTransport transport;
  private final EscrowClient client;

  private DemoSetup(AcquirerSimulator acquirer, Journal journal, Path journalFile,
      IsoTransport transport, EscrowClient client) {
    this.acquirer = acquirer;
    this.journal = journal;
    this.journalFile = journalFile;
    this.transport = transport;
    this.client = client;
  }

  static DemoSetup start(EscrowListener listener) {
    SecureRandom random = new SecureRandom();
    AcquirerSimulator acquirer = AcquirerSimulator.builder()
        .profile(HostProfile.CUP)
        .port(0)
        .secureModule(SoftwareSecureModule.withTestKeys(random), SoftwareSecureModule.TEST_MAC_KEY_ID)
        .start();
    Path journalFile = demoJournalFile();
    Journal journal = JdbcJournal.sqlite(journalFile);
    IsoTransport transport = IsoTransport.builder()
        .connect("127.0.0.1", acquirer.port())
        .terminal(MERCHANT, TERMINAL, () -> journal.nextTrace(TERMINAL))
        .mac(SoftwareSecureModule.withTestKeys(random), SoftwareSecureModule.TEST_MAC_KEY_ID)
        .signOnOnConnect(true)
        .build();
    EscrowClient client = EscrowClient.builder()
        .merchant(MERCHANT, TERMINAL)
        .transport(transport)
        .journal(journal)
        .requestTimeout(Duration.ofSeconds(2))
        .reversalBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
        .listener(listener)
        .build();
    return new DemoSetup(acquirer, journal, journalFile, transport, client);
  }

  /** A fresh SQLite file per run, so every run starts from an empty journal. */
  private static Path demoJournalFile() {
    try {
      return Files.createTempDirectory("escrowkit-demo").resolve("journal.db");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the demo journal", e);
    }
  }

  AcquirerSimulator acquirer() {
    return acquirer;
  }

  EscrowClient client() {
    return client;
  }

  String journalDescription() {
    return "SQLite (durable) at " + journalFile;
  }

  @Override
  public void close() {
    client.close();
    transport.close();
    journal.close();
    acquirer.close();
  }
}
