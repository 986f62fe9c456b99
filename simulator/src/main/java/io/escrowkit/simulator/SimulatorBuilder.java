package io.escrowkit.simulator;

import io.escrowkit.SchemeProfile;
import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.FrameDecoder;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.simulator.internal.FaultSource;
import io.escrowkit.simulator.internal.HostEngine;
import io.escrowkit.simulator.internal.HostRules;
import io.escrowkit.simulator.internal.LedgerBook;
import io.escrowkit.simulator.internal.MessageMac;
import io.escrowkit.simulator.internal.SessionKeys;
import io.escrowkit.simulator.internal.SimulatorServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;

/**
 * Configures and starts an {@link AcquirerSimulator}. Every setting has a default; setting one
 * twice fails at once, naming it. Not threadsafe; {@link #start()} copies what it needs, so a
 * builder can start several simulators.
 */
public final class SimulatorBuilder {

  /** Each card's balance unless configured: 100,000,000.00 in a two-decimal currency. */
  public static final long DEFAULT_BALANCE = 10_000_000_000L;

  private final Set<String> set = new HashSet<>();
  private HostProfile profile = HostProfile.CUP;
  private int port;
  private LengthPrefix framing;
  private Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
  private Random random;
  private long seed = 8583;
  private ScheduledExecutorService scheduler;
  private SecureModule secureModule;
  private String macKeyId = SoftwareSecureModule.TEST_MAC_KEY_ID;
  private MacAlgorithm macAlgorithm;
  private boolean requireMac;
  private SchemeProfile scheme;
  private boolean amountTriggers = true;
  private long defaultBalance = DEFAULT_BALANCE;
  private final Map<String, Long> balances = new LinkedHashMap<>();
  private final List<FaultSpec> faults = new ArrayList<>();
  private ExchangeListener listener = exchange -> {};
  private int maxFrameLength = 8192;
  private Duration frameTimeout = Duration.ofSeconds(30);
  private ServerSocketFactory sockets = ServerSocketFactory.getDefault();
  private String workingKeysMaster;

  SimulatorBuilder() {}

  private void once(String setting) {
    if (!set.add(setting)) {
      throw new IllegalStateException(setting + " was already set");
    }
  }

  /** The dialect (default {@link HostProfile#CUP}). */
  public SimulatorBuilder profile(HostProfile profile) {
    once("profile");
    this.profile = Objects.requireNonNull(profile, "profile");
    return this;
  }

  /**
   * The loopback port; 0 (the default) picks an ephemeral one, see {@link AcquirerSimulator#port}.
   */
  public SimulatorBuilder port(int port) {
    once("port");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * The length prefix (default: the profile's); {@link LengthPrefix#NONE} cannot frame a stream.
   */
  public SimulatorBuilder framing(LengthPrefix framing) {
    once("framing");
    if (Objects.requireNonNull(framing, "framing") == LengthPrefix.NONE) {
      throw new IllegalArgumentException("a TCP stream needs a length prefix: 2 or 4a");
    }
    this.framing = framing;
    return this;
  }

  /** The clock for fields 12 and 13 and for exchanges (default: system clock, Beijing time). */
  public SimulatorBuilder clock(Clock clock) {
    once("clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Seeds the random source of fault rates, garbage and references (default 8583). */
  public SimulatorBuilder seed(long seed) {
    once("random");
    this.seed = seed;
    return this;
  }

  /** The random source of fault rates, garbage and references, instead of a seed. */
  public SimulatorBuilder random(Random random) {
    once("random");
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /** Runs delayed answers (default: a daemon thread of the simulator's own, stopped on close). */
  public SimulatorBuilder scheduler(ScheduledExecutorService scheduler) {
    once("scheduler");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * The module and key that compute and verify MACs (default: a {@link SoftwareSecureModule} with
   * its test keys, key {@value SoftwareSecureModule#TEST_MAC_KEY_ID}).
   */
  public SimulatorBuilder secureModule(SecureModule module, String macKeyId) {
    once("secureModule");
    this.secureModule = Objects.requireNonNull(module, "module");
    this.macKeyId = Objects.requireNonNull(macKeyId, "macKeyId");
    return this;
  }

  /**
   * Answers each UnionPay sign-on with fresh working keys in field 62, encrypted under the terminal
   * master key {@code masterKeyId} of the secure module (which must be a {@link
   * SoftwareSecureModule}; the default module's is {@value
   * SoftwareSecureModule#TEST_MASTER_KEY_ID}), and MACs each terminal's messages with the MAC key it
   * was last issued. Default: no keys in sign-on answers, one fixed MAC key for every terminal.
   */
  public SimulatorBuilder issueWorkingKeys(String masterKeyId) {
    once("issueWorkingKeys");
    this.workingKeysMaster = Objects.requireNonNull(masterKeyId, "masterKeyId");
    return this;
  }

  /** The MAC algorithm (default: the profile's). */
  public SimulatorBuilder macAlgorithm(MacAlgorithm algorithm) {
    once("macAlgorithm");
    this.macAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
    return this;
  }

  /**
   * Whether financial requests without a MAC are refused with A0 (default false: a MAC is checked
   * when present, and answers carry one when the request did).
   */
  public SimulatorBuilder requireMac(boolean required) {
    once("requireMac");
    this.requireMac = required;
    return this;
  }

  /** Capture tolerance, multiple captures and void rules (default: the profile's). */
  public SimulatorBuilder scheme(SchemeProfile scheme) {
    once("scheme");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    return this;
  }

  /** Whether {@link DeclineTriggers} decide by amount (default true). */
  public SimulatorBuilder amountTriggers(boolean enabled) {
    once("amountTriggers");
    this.amountTriggers = enabled;
    return this;
  }

  /**
   * Every card's balance unless set with {@link #cardBalance} (default {@link #DEFAULT_BALANCE}).
   */
  public SimulatorBuilder defaultBalance(long minorUnits) {
    once("defaultBalance");
    this.defaultBalance = minorUnits;
    return this;
  }

  /** One card's balance. */
  public SimulatorBuilder cardBalance(String pan, long minorUnits) {
    balances.put(Objects.requireNonNull(pan, "pan"), minorUnits);
    return this;
  }

  /** A fault from the start; see {@link Faults#inject(FaultSpec)}. */
  public SimulatorBuilder fault(FaultSpec fault) {
    faults.add(Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** A fault at a rate from the start. */
  public SimulatorBuilder fault(Fault fault, double rate) {
    return fault(FaultSpec.of(fault, rate));
  }

  /** Hears of every request handled (default: none). */
  public SimulatorBuilder listener(ExchangeListener listener) {
    once("listener");
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** The largest message accepted (default 8192 bytes); a longer frame closes the connection. */
  public SimulatorBuilder maxFrameLength(int bytes) {
    once("maxFrameLength");
    if (bytes < 16) {
      throw new IllegalArgumentException("maxFrameLength must be at least 16, was " + bytes);
    }
    this.maxFrameLength = bytes;
    return this;
  }

  /**
   * How long a frame may take to arrive once begun (default 30 s): a connection whose frame stops
   * halfway (a length prefix announcing more than comes) is closed then, as a host's read timeout
   * closes it, instead of taking the next request's bytes for the rest of it. A connection idle
   * between frames is kept.
   */
  public SimulatorBuilder frameTimeout(Duration timeout) {
    once("frameTimeout");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "frameTimeout must be 1 ms to " + Integer.MAX_VALUE + " ms, was " + timeout);
    }
    this.frameTimeout = timeout;
    return this;
  }

  /**
   * Listens with TLS: {@code context} holds the host's key and certificate (and, to ask clients
   * for theirs, trust material). Default: plain TCP.
   */
  public SimulatorBuilder tls(SSLContext context) {
    once("tls");
    this.sockets = Objects.requireNonNull(context, "context").getServerSocketFactory();
    return this;
  }

  /**
   * Binds the port and starts answering.
   *
   * @throws SimulatorException if the port cannot be bound
   * @throws IllegalArgumentException if the faults' rates add up to more than 1
   */
  public AcquirerSimulator start() {
    Random rnd = random != null ? random : new Random(seed);
    LengthPrefix prefix = framing != null ? framing : profile.defaultFraming();
    Faults injected = new Faults(rnd);
    faults.forEach(injected::inject);
    LedgerBook book = new LedgerBook(defaultBalance);
    balances.forEach(book::setBalance);
    SecureModule module =
        secureModule != null ? secureModule : SoftwareSecureModule.withTestKeys(rnd);
    Optional<SessionKeys> sessionKeys = sessionKeys(module);
    MessageMac mac =
        new MessageMac(
            module,
            macAlgorithm != null ? macAlgorithm : profile.macAlgorithm(),
            macKeyId,
            sessionKeys);
    HostRules rules =
        new HostRules(scheme != null ? scheme : profile.defaultScheme(), amountTriggers);
    HostEngine engine =
        new HostEngine(
            new HostEngine.Settings(
                profile, prefix, rules, mac, requireMac, sessionKeys, clock, rnd, listener),
            book,
            faultSource(injected));
    boolean ownsScheduler = scheduler == null;
    ScheduledExecutorService delays = ownsScheduler ? ownScheduler() : scheduler;
    try {
      SimulatorServer server =
          new SimulatorServer(
              port,
              engine,
              new FrameDecoder(prefix, Math.min(maxFrameLength, prefix.maxLength())),
              frameTimeout,
              delays,
              sockets);
      return new AcquirerSimulator(
          profile, prefix, book, injected, sessionKeys, server, delays, ownsScheduler);
    } catch (IOException e) {
      if (ownsScheduler) {
        delays.shutdownNow();
      }
      throw new SimulatorException("cannot listen on loopback port " + port + ": " + e, e);
    }
  }

  private Optional<SessionKeys> sessionKeys(SecureModule module) {
    if (workingKeysMaster == null) {
      return Optional.empty();
    }
    if (!(module instanceof SoftwareSecureModule)) {
      throw new IllegalStateException(
          "issueWorkingKeys needs a SoftwareSecureModule to make keys, not " + module);
    }
    return Optional.of(new SessionKeys((SoftwareSecureModule) module, workingKeysMaster));
  }

  private static FaultSource faultSource(Faults faults) {
    return new FaultSource() {
      @Override
      public Optional<Fault> draw(String mti) {
        return faults.draw(mti);
      }

      @Override
      public Duration delay() {
        return faults.delay();
      }

      @Override
      public Duration late() {
        return faults.lateBy();
      }
    };
  }

  private static ScheduledExecutorService ownScheduler() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "escrowkit-simulator-delays");
          t.setDaemon(true);
          return t;
        });
  }
}
