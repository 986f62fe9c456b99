package io.escrowkit.internal;

import io.escrowkit.EscrowResult;
import io.escrowkit.EscrowSnapshot;
import io.escrowkit.RecoveryReport;
import io.escrowkit.TransitionEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine behind {@code EscrowClient}: wires the flows together. Threadsafe. */
public final class EscrowEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EscrowEngine.class);
  private final EngineContext context;
  private final HoldFlow holds;
  private final OperationFlow operations;
  private final ReversalWorker reversals;
  private final Recovery recovery;
  private final Runnable onClose;
  private volatile ScheduledFuture<?> sweeper;

  public EscrowEngine(EngineContext context, Runnable onClose) {
    this.context = context;
    this.onClose = onClose;
    IdempotencyGuard guard = new IdempotencyGuard(context.journal);
    this.reversals = new ReversalWorker(context);
    Settlement settlement = new Settlement(context, reversals);
    this.holds = new HoldFlow(context, guard, settlement, reversals);
    this.operations = new OperationFlow(context, guard, settlement, reversals);
    this.recovery = new Recovery(context, reversals);
  }

  /** Starts the periodic recovery sweep. */
  public void startSweeping() {
    long every = context.config.recoveryInterval().toMillis();
    sweeper = context.scheduler.scheduleWithFixedDelay(() -> {
      try {
        recovery.run();
      } catch (RuntimeException e) {
        log.error("recovery sweep failed; next sweep in {} ms", every, e);
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  public CompletableFuture<EscrowResult> hold(HoldSpec spec) {
    return holds.hold(spec);
  }

  public CompletableFuture<EscrowResult> operate(OperationSpec spec) {
    return operations.run(spec);
  }

  public RecoveryReport recover() {
    return recovery.run();
  }

  public Optional<EscrowSnapshot> find(String escrowId) {
    return context.journal.find(escrowId);
  }

  public Optional<EscrowSnapshot> findByReference(String reference) {
    return context.journal.findByReference(reference);
  }

  public List<TransitionEvent> timeline(String escrowId) {
    return context.journal.history(escrowId);
  }

  public String newIdempotencyKey() {
    return context.ids.idempotencyKey();
  }

  @Override
  public void close() {
    reversals.close();
    ScheduledFuture<?> running = sweeper;
    if (running != null) {
      running.cancel(false);
    }
    try {
      onClose.run();
    } catch (RejectedExecutionException e) {
      log.debug("already shut down", e);
    }
  }
}
