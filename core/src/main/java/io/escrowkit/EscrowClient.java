package io.escrowkit;

import io.escrowkit.internal.EscrowEngine;
import java.util.Objects;
import java.util.Optional;

/**
 * The SDK's entry point: holds, and lookups of escrows. Share one instance per terminal (or per
 * service instance); it is threadsafe, runs many escrows in parallel and serializes the operations
 * of each escrow. Close it to stop its background work; owed reversals stay in the journal for the
 * next start.
 *
 * <pre>{@code
 * EscrowClient client = EscrowClient.builder()
 *     .merchant("898310048990001", "10000001")
 *     .transport(transport)
 *     .journal(journal)
 *     .build();
 * }</pre>
 */
public final class EscrowClient implements AutoCloseable {
  private final EscrowEngine engine;

  EscrowClient(EscrowEngine engine) {
    this.engine = engine;
  }

  public static EscrowClientBuilder builder() {
    return new EscrowClientBuilder();
  }

  /** Starts a hold (pre-authorization) of {@code amount}. */
  public HoldRequest hold(Money amount) {
    return new HoldRequest(engine, amount);
  }

  /** The most recent escrow with this merchant reference. */
  public Optional<Escrow> find(String reference) {
    Objects.requireNonNull(reference, "reference");
    return engine.findByReference(reference).map(snapshot -> Escrow.found(engine, snapshot));
  }

  /** The escrow with this id. */
  public Optional<Escrow> escrow(String escrowId) {
    Objects.requireNonNull(escrowId, "escrowId");
    return engine.find(escrowId).map(snapshot -> Escrow.found(engine, snapshot));
  }

  /**
   * Finishes what a crash or a vanished client left behind: pending requests past their deadline
   * become in doubt and are reversed, lapsed holds are marked expired, owed work is started. Runs
   * at start-up and periodically by itself; call it to run a sweep now.
   */
  public RecoveryReport recover() {
    return engine.recover();
  }

  /**
   * Stops the client's own work: owed reversals and advices stop being sent (they stay owed in the
   * journal, for the next client), the recovery sweep stops, and a scheduler the client made is
   * shut down. The transport and the journal it was given stay open: close them after it.
   */
  @Override
  public void close() {
    engine.close();
  }
}
