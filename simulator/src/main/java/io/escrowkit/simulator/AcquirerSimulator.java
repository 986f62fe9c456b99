package io.escrowkit.simulator;

import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.simulator.internal.SessionKeys;
import io.escrowkit.simulator.internal.SimulatorServer;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An acquirer host on a loopback port, for tests, demos and load runs. It answers the UnionPay POS
 * dialect or ISO 8583:1987 (binary or ASCII) to any correct client, keeps its own books of holds
 * and captures per card ({@link #ledger()}), approves or declines by amount triggers and card
 * balances ({@link DeclineTriggers}), and injects network faults on demand ({@link #faults()}).
 * Threadsafe; close it to stop.
 *
 * <pre>{@code
 * try (AcquirerSimulator host = AcquirerSimulator.builder()
 *     .profile(HostProfile.CUP).seed(42).start()) {
 *   host.faults().next(Fault.NO_RESPONSE, "0100");
 *   ... connect to host.port() ...
 *   assertThat(host.ledger().frozenTotal()).isZero();
 * }
 * }</pre>
 */
public final class AcquirerSimulator implements AutoCloseable {

  private final HostProfile profile;
  private final LengthPrefix framing;
  private final SimulatorLedger ledger;
  private final Faults faults;
  private final Optional<SessionKeys> sessionKeys;
  private final SimulatorServer server;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;

  AcquirerSimulator(
      HostProfile profile,
      LengthPrefix framing,
      SimulatorLedger ledger,
      Faults faults,
      Optional<SessionKeys> sessionKeys,
      SimulatorServer server,
      ScheduledExecutorService scheduler,
      boolean ownsScheduler) {
    this.profile = profile;
    this.framing = framing;
    this.ledger = ledger;
    this.faults = faults;
    this.sessionKeys = sessionKeys;
    this.server = server;
    this.scheduler = scheduler;
    this.ownsScheduler = ownsScheduler;
  }

  /** Starts configuring a simulator: UnionPay POS on an ephemeral port by default. */
  public static SimulatorBuilder builder() {
    return new SimulatorBuilder();
  }

  /** The dialect it answers in. */
  public HostProfile profile() {
    return profile;
  }

  /** The length prefix it reads and writes. */
  public LengthPrefix framing() {
    return framing;
  }

  /** The loopback address it listens on. */
  public InetSocketAddress address() {
    return server.address();
  }

  /** The port it listens on (the ephemeral one chosen if started on port 0). */
  public int port() {
    return server.port();
  }

  /** Its books. */
  public SimulatorLedger ledger() {
    return ledger;
  }

  /** Its fault injection, changeable while it runs. */
  public Faults faults() {
    return faults;
  }

  /**
   * Makes the MAC key check value in the next {@code signOns} sign-on answers wrong, as if the keys
   * were damaged on the way (the terminal must refuse them); 0 stops it.
   *
   * @throws IllegalStateException unless started with {@link SimulatorBuilder#issueWorkingKeys}
   */
  public void corruptKeyCheckValues(int signOns) {
    keys().corruptCheckValues(signOns);
  }

  /**
   * How many sign-ons were answered with fresh working keys.
   *
   * @throws IllegalStateException unless started with {@link SimulatorBuilder#issueWorkingKeys}
   */
  public int workingKeysIssued() {
    return keys().issued();
  }

  private SessionKeys keys() {
    return sessionKeys.orElseThrow(
        () -> new IllegalStateException("no working keys: start with issueWorkingKeys"));
  }

  /** The client connections open now. */
  public int openConnections() {
    return server.openConnections();
  }

  /** The client connections accepted since start. */
  public int acceptedConnections() {
    return server.acceptedConnections();
  }

  /**
   * Stops listening, closes every connection (answers still held back by a delay are not sent) and
   * stops its own scheduler; a scheduler passed in is left running.
   */
  @Override
  public void close() {
    server.close();
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "AcquirerSimulator["
        + profile.cliName()
        + " on "
        + address()
        + ", framing "
        + framing
        + "]";
  }
}
