package io.escrowkit.internal;

import io.escrowkit.EscrowListener;
import io.escrowkit.JournalFailureException;
import io.escrowkit.TransitionEvent;
import io.escrowkit.failure.internal.PanMasking;
import io.escrowkit.risk.RiskChain;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.JournalConflictException;
import io.escrowkit.spi.JournalWrite;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every flow of the engine shares: settings, the injected clock, random source and
 * scheduler, the journal (through {@link #write}, which stops the client if the journal fails), the
 * transport (through {@link #send}, which enforces the deadline), and the listeners. Threadsafe.
 */
public final class EngineContext {
  private static final Logger log = LoggerFactory.getLogger(EngineContext.class);

  final EngineConfig config;
  final Journal journal;
  final Transport transport;
  final Clock clock;
  final Random random;
  final ScheduledExecutorService scheduler;
  final Executor executor;
  final RiskChain risk;
  final EscrowStateMachine machine;
  final Ids ids;
  /** Trace numbers, drawn from the journal a block at a time. */
  final TraceBlocks traces;
  final CardTokenizer tokenizer;
  final KeyedSerializer serializer;
  private final RequestDeadlines deadlines;
  private final List<EscrowListener> listeners;
  private final AtomicReference<Throwable> halted = new AtomicReference<>();

  public EngineContext(
      EngineConfig config,
      Journal journal,
      Transport transport,
      Clock clock,
      Random random,
      ScheduledExecutorService scheduler,
      Executor executor,
      RiskChain risk,
      List<EscrowListener> listeners,
      CardTokenizer tokenizer) {
    this.config = config;
    this.journal = journal;
    this.transport = transport;
    this.clock = clock;
    this.random = random;
    this.scheduler = scheduler;
    this.executor = executor;
    this.serializer = new KeyedSerializer(executor);
    this.deadlines = new RequestDeadlines(scheduler);
    this.risk = risk;
    this.listeners = List.copyOf(listeners);
    this.machine = new EscrowStateMachine(config.profile());
    this.ids = new Ids(random);
    this.traces = new TraceBlocks(journal, config.traceBlock(), clock);
    this.tokenizer = tokenizer;
  }

  /** Throws if an earlier journal failure stopped the client. */
  void ensureRunning() {
    Throwable cause = halted.get();
    if (cause != null) {
      throw new JournalFailureException(
          "client stopped after a journal failure; restart it to recover: " + cause, cause);
    }
  }

  /**
   * Records {@code write} and then tells the listeners. A conflict is passed on; any other journal
   * failure stops the client.
   */
  void write(JournalWrite write) {
    ensureRunning();
    try {
      journal.write(write);
    } catch (JournalConflictException conflict) {
      throw conflict;
    } catch (RuntimeException failure) {
      halted.compareAndSet(null, failure);
      log.error("journal write failed; client stops taking operations", failure);
      throw new JournalFailureException("journal could not record " + describe(write), failure);
    }
    for (TransitionEvent event : write.transitions()) {
      log.info("escrow {} {}", event.escrowId(), event);
      for (EscrowListener listener : listeners) {
        try {
          listener.onTransition(event);
        } catch (RuntimeException e) {
          log.warn("escrow listener {} failed on {}", listener, event, e);
        }
      }
    }
  }

  /**
   * {@code outcome} with anything in its detail that could be a card number masked. A transport's
   * detail must never carry card data, but it may pass on a device driver's message that does;
   * the detail goes into the journal's transition causes, failures and logs.
   */
  private static TransportOutcome masked(TransportOutcome outcome) {
    String detail = PanMasking.mask(outcome.detail());
    return detail.equals(outcome.detail()) ? outcome : new TransportOutcome(outcome.kind(),
        outcome.responseCode(), outcome.hostReferences(), outcome.unknownReason(), detail);
  }

  /**
   * Sends through the transport; completes with an unknown outcome if the transport has not
   * answered by the request timeout plus grace, or if it fails. Completes on the thread that sent,
   * if it waits in {@link Futures#await} by then ({@link WaitingCaller}), else on the executor;
   * not on the transport's thread while the client runs (once its executor refuses work, where it
   * is). An answer the transport gives inside {@code send()} to a blocking {@code execute()}
   * completes at once, on that thread.
   */
  CompletableFuture<TransportOutcome> send(TransportRequest request) {
    // The outcome is recorded off the thread that delivered the answer (a transport reader must
    // not wait on the journal): by this thread if it is waiting for it by then, else by executor.
    // The transport completes on it (Transport#send(request, finisher)); so does the deadline.
    Executor recorder = orHereWhenClosing(WaitingCaller.current(executor));
    CompletableFuture<TransportOutcome> answer = new CompletableFuture<>();
    long waitMillis = config.requestTimeout().plus(config.deadlineGrace()).toMillis();
    RequestDeadlines.Watched deadline =
        deadlines.watch(waitMillis, () -> timeOut(answer, recorder));
    CompletableFuture<TransportOutcome> sent;
    try {
      sent = transport.send(request, recorder);
    } catch (RuntimeException e) {
      sent = Futures.failed(e);
    }
    boolean answeredWithinSend = sent.isDone();
    sent.whenComplete((outcome, error) -> {
      deadlines.ended(deadline);
      if (error != null) {
        String failure = PanMasking.mask(error.toString());
        log.warn("transport {} failed on {}; outcome unknown: {}", transport.name(), request,
            failure);
        answer.complete(TransportOutcome.unknown(UnknownReason.CONNECTION_LOST,
            "transport failed: " + failure));
      } else {
        answer.complete(masked(outcome));
      }
    });
    if (!answeredWithinSend || WaitingCaller.awaitFollows()) {
      // Completed on the recorder; or the transport answered inside send(), on this thread, which
      // is a blocking execute() about to wait: no transport thread to get off, recorded here.
      return answer;
    }
    return answer.thenApplyAsync(outcome -> outcome, recorder);
  }

  private void timeOut(CompletableFuture<TransportOutcome> answer, Executor recorder) {
    TransportOutcome timedOut = TransportOutcome.unknown(
        UnknownReason.TIMEOUT, "no answer within " + config.requestTimeout());
    recorder.execute(() -> answer.complete(timedOut));
  }

  /**
   * {@code recorder}, which runs on the calling thread what it is refused: the client is closing
   * (its executor shut down) and the answer is still recorded as it was, not lost to the refusal.
   */
  private static Executor orHereWhenClosing(Executor recorder) {
    return work -> {
      try {
        recorder.execute(work);
      } catch (RejectedExecutionException closing) {
        work.run();
      }
    };
  }

  private static String describe(JournalWrite write) {
    return write.snapshot().map(s -> "escrow " + s.id() + " v" + s.version() + " " + s.state())
        .orElse("idempotency/work update");
  }
}
