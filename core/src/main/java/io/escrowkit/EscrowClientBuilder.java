package io.escrowkit;

import io.escrowkit.internal.Backoff;
import io.escrowkit.internal.CardTokenizer;
import io.escrowkit.internal.EngineConfig;
import io.escrowkit.internal.EngineContext;
import io.escrowkit.internal.EscrowEngine;
import io.escrowkit.memory.InMemoryJournal;
import io.escrowkit.risk.RiskChain;
import io.escrowkit.spi.Journal;
import io.escrowkit.spi.TraceBlock;
import io.escrowkit.spi.Transport;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Configures an {@link EscrowClient}. Required: {@link #merchant} and {@link #transport}. Each
 * setting may be given once; {@link #build()} copies the settings, so reusing the builder never
 * changes a client already built. Not threadsafe.
 *
 * <p>Time, randomness and scheduling are injected so that a run can be replayed: by default the
 * system UTC clock, a {@link SecureRandom}, and a two-thread daemon scheduler owned by the client.
 */
public final class EscrowClientBuilder {
  private String merchantId;
  private String terminalId;
  private Transport transport;
  private Journal journal;
  private SchemeProfile profile;
  private Clock clock;
  private Random random;
  private ScheduledExecutorService scheduler;
  private RiskChain risk;
  private byte[] cardTokenKey;
  private Duration requestTimeout;
  private Backoff reversalBackoff;
  private Duration recoveryInterval;
  private boolean recoverOnStart = true;
  private Integer traceBlock;
  private final List<EscrowListener> listeners = new ArrayList<>();

  EscrowClientBuilder() {}

  /** The acquirer's merchant id (field 42) and terminal id (field 41). */
  public EscrowClientBuilder merchant(String merchantId, String terminalId) {
    once(this.merchantId, "merchant");
    String merchant = Texts.printable(nonBlank(merchantId, "merchantId"), "merchantId");
    String terminal = Texts.printable(nonBlank(terminalId, "terminalId"), "terminalId");
    this.merchantId = merchant; // both checked first: a refused call sets neither
    this.terminalId = terminal;
    return this;
  }

  public EscrowClientBuilder transport(Transport transport) {
    once(this.transport, "transport");
    this.transport = Objects.requireNonNull(transport, "transport");
    return this;
  }

  /** Where the client keeps its memory; default an {@link InMemoryJournal} (nothing survives). */
  public EscrowClientBuilder journal(Journal journal) {
    once(this.journal, "journal");
    this.journal = Objects.requireNonNull(journal, "journal");
    return this;
  }

  /** The scheme's escrow rules; default {@link SchemeProfile#unionPay()}. */
  public EscrowClientBuilder profile(SchemeProfile profile) {
    once(this.profile, "profile");
    this.profile = Objects.requireNonNull(profile, "profile");
    return this;
  }

  public EscrowClientBuilder clock(Clock clock) {
    once(this.clock, "clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** The source of ids, keys and jitter; seed it to replay a run. */
  public EscrowClientBuilder random(Random random) {
    once(this.random, "random");
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /**
   * Runs deadlines, reversal retries, the recovery sweep and the continuations after each answer.
   * The caller keeps ownership of a scheduler given here.
   */
  public EscrowClientBuilder scheduler(ScheduledExecutorService scheduler) {
    once(this.scheduler, "scheduler");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /** Checks run before every hold; default none. */
  public EscrowClientBuilder risk(RiskChain risk) {
    once(this.risk, "risk");
    this.risk = Objects.requireNonNull(risk, "risk");
    return this;
  }

  /**
   * The key (16+ bytes) that turns card numbers into the card tokens of the journal and the risk
   * history. Default a random key per client: then the same card has another token after a
   * restart, and risk rules over a durable history (velocity, daily limits, duplicates) and
   * lookups by token do not see it as the same card. With a durable journal or risk history, set
   * it, from where the application keeps its secrets (not in the journal: with the masked number
   * beside it, a token whose key is known gives the card number away), and share it between the
   * clients on that journal. A hold's idempotency check, and the check that a follow-up presents
   * the hold's card, name the card by its token when the key is given, and by its masked number
   * otherwise (so that a restart does not turn a faithful retry into a conflict, or the hold's own
   * card into a mismatch); only with the key do they tell apart two cards with the same first 6
   * and last 4 digits. Give it to all the clients of a journal at once: a
   * hold made by a client with the key, retried through one without (or the other way round), is
   * refused as an {@code IdempotencyConflictException}, and must not then be sent with a new key.
   */
  public EscrowClientBuilder cardTokenKey(byte[] key) {
    once(this.cardTokenKey, "cardTokenKey");
    this.cardTokenKey = Objects.requireNonNull(key, "cardTokenKey").clone();
    return this;
  }

  /** How long a request waits for its answer before it is in doubt; default 60 s. */
  public EscrowClientBuilder requestTimeout(Duration timeout) {
    once(this.requestTimeout, "requestTimeout");
    this.requestTimeout = positive(timeout, "requestTimeout");
    return this;
  }

  /** Reversal retries wait from {@code base} doubling up to {@code max}; default 1 s to 5 min. */
  public EscrowClientBuilder reversalBackoff(Duration base, Duration max) {
    once(this.reversalBackoff, "reversalBackoff");
    this.reversalBackoff = new Backoff(base, max);
    return this;
  }

  /** How often the background recovery sweep runs; default 30 s. */
  public EscrowClientBuilder recoveryInterval(Duration interval) {
    once(this.recoveryInterval, "recoveryInterval");
    this.recoveryInterval = positive(interval, "recoveryInterval");
    return this;
  }

  /**
   * How many trace numbers (STAN, field 11) the client draws from the journal at a time; default
   * 1: one journal transaction per request, and a terminal's numbers run on one by one. A larger
   * block (e.g. 16, on a PostgreSQL journal shared by service instances) saves that transaction on
   * all but one request of each block, at the price of gaps: what a client leaves of its block
   * when it stops is skipped; clients sharing a terminal interleave by block; and a block not used
   * up within a minute is dropped, so that no number waits long enough for the counter to wrap
   * past it. Receipts that print the trace as the voucher number show those gaps.
   *
   * @throws IllegalArgumentException if {@code size} is not 1 to 1000
   */
  public EscrowClientBuilder traceBlock(int size) {
    once(this.traceBlock, "traceBlock");
    TraceBlock.checkCount(size);
    this.traceBlock = size;
    return this;
  }

  /** Whether {@link #build()} runs a recovery sweep before returning; default true. */
  public EscrowClientBuilder recoverOnStart(boolean recover) {
    this.recoverOnStart = recover;
    return this;
  }

  public EscrowClientBuilder listener(EscrowListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  public EscrowClient build() {
    if (merchantId == null) {
      throw new IllegalStateException("merchant(merchantId, terminalId) is required");
    }
    if (transport == null) {
      throw new IllegalStateException("transport(...) is required");
    }
    Random source = random != null ? random : new SecureRandom();
    byte[] tokenKey = cardTokenKey != null ? cardTokenKey.clone() : randomKey(source);
    ScheduledExecutorService workers = scheduler != null ? scheduler : ownScheduler();
    Runnable onClose = scheduler != null ? () -> { } : workers::shutdownNow;
    Duration timeout = requestTimeout != null ? requestTimeout : Duration.ofSeconds(60);
    EngineConfig config = new EngineConfig(merchantId, terminalId,
        profile != null ? profile : SchemeProfile.unionPay(), timeout,
        Duration.ofMillis(Math.min(2_000, timeout.toMillis() / 10 + 1)),
        reversalBackoff != null ? reversalBackoff
            : new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)),
        recoveryInterval != null ? recoveryInterval : Duration.ofSeconds(30),
        traceBlock != null ? traceBlock : 1);
    Executor executor = workers;
    EngineContext context = new EngineContext(config,
        journal != null ? journal : new InMemoryJournal(), transport,
        clock != null ? clock : Clock.systemUTC(), source, workers, executor,
        risk != null ? risk : RiskChain.none(), listeners,
        new CardTokenizer(tokenKey, cardTokenKey != null));
    EscrowEngine engine = new EscrowEngine(context, onClose);
    if (recoverOnStart) {
      engine.recover();
    }
    engine.startSweeping();
    return new EscrowClient(engine);
  }

  private static byte[] randomKey(Random source) {
    byte[] key = new byte[32];
    synchronized (source) {
      source.nextBytes(key);
    }
    return key;
  }

  private static ScheduledExecutorService ownScheduler() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory daemons = task -> {
      Thread thread = new Thread(task, "escrowkit-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, daemons);
    // Every request arms a deadline timer and cancels it when the answer comes; without this a
    // busy client would keep each cancelled timer queued until its deadline.
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }

  private static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }
}
