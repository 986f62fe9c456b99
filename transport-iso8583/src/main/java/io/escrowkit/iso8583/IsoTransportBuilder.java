package io.escrowkit.iso8583;

import io.escrowkit.device.MacAlgorithm;
import io.escrowkit.device.SecureModule;
import io.escrowkit.iso8583.channel.ChannelRuntime;
import io.escrowkit.iso8583.channel.ChannelSettings;
import io.escrowkit.iso8583.channel.Framing;
import io.escrowkit.iso8583.channel.IsoChannel;
import io.escrowkit.iso8583.channel.TlsSettings;
import io.escrowkit.iso8583.mapping.AnswerInterpreter;
import io.escrowkit.iso8583.mapping.CaptureMode;
import io.escrowkit.iso8583.mapping.Dialect;
import io.escrowkit.iso8583.mapping.MacSigner;
import io.escrowkit.iso8583.mapping.MappingSettings;
import io.escrowkit.iso8583.mapping.MessageCodes;
import io.escrowkit.iso8583.mapping.MessageMapper;
import io.escrowkit.iso8583.mapping.TerminalSession;
import io.escrowkit.iso8583.mapping.WorkingKeyIds;
import io.escrowkit.iso8583.mapping.WorkingKeyLoader;
import io.escrowkit.spi.RequestType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

/**
 * Configures an {@link IsoTransport}. Required: {@link #connect}. Each setting may be given once;
 * {@link #build()} copies the settings, so reusing the builder never changes a transport already
 * built. Not threadsafe.
 *
 * <p>Defaults: UnionPay POS dialect (TPDU {@value MappingSettings#DEFAULT_TPDU}, header {@value
 * MappingSettings#DEFAULT_HEADER}, Asia/Shanghai), 2-byte binary length (4 ASCII digits for ISO 87
 * ASCII), 10 s connect timeout, reconnect backoff 200 ms doubling to 30 s with jitter, no sign-on,
 * no echo, no MAC, online capture, 0400 reversals; the system UTC clock, a {@link SecureRandom}, a
 * one-thread daemon scheduler owned by the transport and daemon socket threads.
 */
public final class IsoTransportBuilder {
  private String host;
  private int port;
  private Dialect dialect;
  private Framing framing;
  private byte[] tpdu;
  private byte[] header;
  private ZoneId zone;
  private String merchantId;
  private String terminalId;
  private LongSupplier traces;
  private Long batchNumber;
  private Boolean signOn;
  private Duration echoInterval;
  private Duration echoTimeout;
  private Duration connectTimeout;
  private Duration writeTimeout;
  private String signOnKeyScheme;
  private Duration[] reconnect;
  private TlsSettings tls;
  private SecureModule secureModule;
  private String macKeyId;
  private String[] workingKeys;
  private MacAlgorithm macAlgorithm;
  private Boolean requireMacOnApproval;
  private CaptureMode captureMode;
  private Duration adviceRepeat;
  private String reversalMti;
  private String readCapability;
  private String acquirerId;
  private final Map<RequestType, MessageCodes> messageCodes = new EnumMap<>(RequestType.class);
  private Clock clock;
  private ScheduledExecutorService scheduler;
  private Random random;
  private ThreadFactory threads;
  private String name;

  IsoTransportBuilder() {}

  /** The acquirer host. */
  public IsoTransportBuilder connect(String host, int port) {
    once(this.host, "connect");
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    return this;
  }

  /** The message dialect; default {@link Dialect#UNIONPAY_POS}. */
  public IsoTransportBuilder dialect(Dialect dialect) {
    once(this.dialect, "dialect");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    return this;
  }

  /**
   * The length prefix and maximum message size; default {@link Framing#asciiLength()} for {@link
   * Dialect#ISO87_ASCII}, else {@link Framing#binaryLength()}.
   */
  public IsoTransportBuilder framing(Framing framing) {
    once(this.framing, "framing");
    this.framing = Objects.requireNonNull(framing, "framing");
    return this;
  }

  /** The 5-byte TPDU as hex, UnionPay only (e.g. "6000030000"). */
  public IsoTransportBuilder tpdu(byte[] tpdu) {
    once(this.tpdu, "tpdu");
    this.tpdu = Objects.requireNonNull(tpdu, "tpdu").clone();
    return this;
  }

  /** The dialect header, UnionPay only (6 bytes, e.g. 60 31 00 31 00 00). */
  public IsoTransportBuilder header(byte[] header) {
    once(this.header, "header");
    this.header = Objects.requireNonNull(header, "header").clone();
    return this;
  }

  /** The terminal's time zone for local date and time; default Asia/Shanghai (ISO 87: UTC). */
  public IsoTransportBuilder zone(ZoneId zone) {
    once(this.zone, "zone");
    this.zone = Objects.requireNonNull(zone, "zone");
    return this;
  }

  /**
   * The terminal for sign-on and echo (fields 42, 41), and the source of their traces (field 11):
   * pass the journal's, {@code () -> journal.nextTrace(terminalId)}, so they never collide with the
   * escrow requests'. Required for sign-on and echo.
   */
  public IsoTransportBuilder terminal(String merchantId, String terminalId, LongSupplier traces) {
    once(this.merchantId, "terminal");
    this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
    this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
    this.traces = Objects.requireNonNull(traces, "traces");
    return this;
  }

  /** The batch number (UnionPay field 60.2) until a sign-on names another; default 1. */
  public IsoTransportBuilder batchNumber(long batchNumber) {
    once(this.batchNumber, "batchNumber");
    this.batchNumber = batchNumber;
    return this;
  }

  /** Whether each new connection signs on (0800) before carrying requests; default false. */
  public IsoTransportBuilder signOnOnConnect(boolean signOn) {
    once(this.signOn, "signOnOnConnect");
    this.signOn = signOn;
    return this;
  }

  /**
   * Send an echo test after {@code interval} without a message from the host (what is written to
   * it does not count); drop the connection if it is not answered within {@code timeout}.
   */
  public IsoTransportBuilder echo(Duration interval, Duration timeout) {
    once(this.echoInterval, "echo");
    this.echoInterval = Objects.requireNonNull(interval, "interval");
    this.echoTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  public IsoTransportBuilder connectTimeout(Duration timeout) {
    once(this.connectTimeout, "connectTimeout");
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * How long one socket write may stay blocked (the host not reading) before the connection is
   * dropped and its requests end in doubt; 10 s unless set.
   */
  public IsoTransportBuilder writeTimeout(Duration timeout) {
    once(this.writeTimeout, "writeTimeout");
    this.writeTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** Reconnect waits from {@code base}, doubling to {@code max}, with jitter. */
  public IsoTransportBuilder reconnectBackoff(Duration base, Duration max) {
    once(this.reconnect, "reconnectBackoff");
    this.reconnect =
        new Duration[] {Objects.requireNonNull(base, "base"), Objects.requireNonNull(max, "max")};
    return this;
  }

  /** TLS with {@code context}'s trust and keys, checking the host name. */
  public IsoTransportBuilder tls(SSLContext context) {
    return tls(TlsSettings.of(context));
  }

  public IsoTransportBuilder tls(TlsSettings settings) {
    once(this.tls, "tls");
    this.tls = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** MAC every request and check every answer's MAC with key {@code keyId} of {@code module}. */
  public IsoTransportBuilder mac(SecureModule module, String keyId) {
    once(this.secureModule, "mac");
    this.secureModule = Objects.requireNonNull(module, "module");
    this.macKeyId = Objects.requireNonNull(keyId, "keyId");
    return this;
  }

  /**
   * Loads the working keys of each UnionPay sign-on answer (field 62, encrypted under the master
   * key {@code masterKeyId} the {@link #mac} module holds) into that module before the connection
   * carries requests: the MAC key under the MAC key id given to {@link #mac}, the PIN key under
   * {@code pinKeyId}, the track key (key scheme 004) under {@code trackKeyId}. A sign-on whose keys
   * do not load (wrong check value, unknown master key, no field 62) fails like a refused one: the
   * connection is dropped and requests wait for the next. Needs {@link #mac}, {@link
   * #signOnOnConnect} and the UnionPay dialect.
   */
  public IsoTransportBuilder loadWorkingKeys(
      String masterKeyId, String pinKeyId, String trackKeyId) {
    once(this.workingKeys, "loadWorkingKeys");
    this.workingKeys =
        new String[] {
          Objects.requireNonNull(masterKeyId, "masterKeyId"),
          Objects.requireNonNull(pinKeyId, "pinKeyId"),
          Objects.requireNonNull(trackKeyId, "trackKeyId")
        };
    return this;
  }

  /**
   * The working keys the UnionPay sign-on asks for (60.3): "001" single DES, "003" double-length
   * (the default), "004" double-length with a track key. The answer's own 60.3, when it has one,
   * decides how its field 62 is read. UnionPay only.
   */
  public IsoTransportBuilder signOnKeyScheme(String scheme) {
    once(this.signOnKeyScheme, "signOnKeyScheme");
    this.signOnKeyScheme = Objects.requireNonNull(scheme, "scheme");
    return this;
  }

  /** The MAC algorithm; default the dialect's (UnionPay ECB, or ANSI X9.19 for ISO 87). */
  public IsoTransportBuilder macAlgorithm(MacAlgorithm algorithm) {
    once(this.macAlgorithm, "macAlgorithm");
    this.macAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
    return this;
  }

  /** Whether an approval without a MAC is in doubt (when MACs are on); default true. */
  public IsoTransportBuilder requireMacOnApproval(boolean require) {
    once(this.requireMacOnApproval, "requireMacOnApproval");
    this.requireMacOnApproval = require;
    return this;
  }

  /** Completion request (default) or completion advice repeated every {@code repeat}. */
  public IsoTransportBuilder captureMode(CaptureMode mode, Duration repeat) {
    once(this.captureMode, "captureMode");
    this.captureMode = Objects.requireNonNull(mode, "mode");
    this.adviceRepeat = Objects.requireNonNull(repeat, "repeat");
    return this;
  }

  /** 0400 (default) or 0420. */
  public IsoTransportBuilder reversalMti(String mti) {
    once(this.reversalMti, "reversalMti");
    this.reversalMti = Objects.requireNonNull(mti, "mti");
    return this;
  }

  /**
   * The acquirer's own message type, processing code (field 3) and condition code (field 25) for
   * requests of {@code type}, where they differ from the dialect's table in the module README;
   * not for reversals, which repeat their original's. Once per type.
   */
  public IsoTransportBuilder messageCodes(RequestType type, MessageCodes codes) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(codes, "codes");
    if (type == RequestType.REVERSAL) {
      throw new IllegalArgumentException("a reversal repeats its original's codes; none to set");
    }
    once(messageCodes.get(type), "messageCodes for " + type);
    messageCodes.put(type, codes);
    return this;
  }

  /** UnionPay field 60.4, the terminal's card read capability; default "6". */
  public IsoTransportBuilder readCapability(String capability) {
    once(this.readCapability, "readCapability");
    this.readCapability = Objects.requireNonNull(capability, "capability");
    return this;
  }

  /** ISO 87 field 32 and 90.4. */
  public IsoTransportBuilder acquirerId(String id) {
    once(this.acquirerId, "acquirerId");
    this.acquirerId = Objects.requireNonNull(id, "id");
    return this;
  }

  public IsoTransportBuilder clock(Clock clock) {
    once(this.clock, "clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Runs deadline timers, reconnect waits and echo checks; the caller keeps ownership. */
  public IsoTransportBuilder scheduler(ScheduledExecutorService scheduler) {
    once(this.scheduler, "scheduler");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /** The source of reconnect jitter. */
  public IsoTransportBuilder random(Random random) {
    once(this.random, "random");
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /** Makes the threads that block on sockets (one per connection). */
  public IsoTransportBuilder threadFactory(ThreadFactory threads) {
    once(this.threads, "threadFactory");
    this.threads = Objects.requireNonNull(threads, "threads");
    return this;
  }

  /** The transport's name for logs and metrics; default "iso8583:host:port". */
  public IsoTransportBuilder name(String name) {
    once(this.name, "name");
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  public IsoTransport build() {
    if (host == null) {
      throw new IllegalStateException("connect(host, port) is required");
    }
    Dialect chosen = dialect != null ? dialect : Dialect.UNIONPAY_POS;
    Clock time = clock != null ? clock : Clock.systemUTC();
    boolean signsOn = signOn != null && signOn;
    Duration echoEvery = echoInterval != null ? echoInterval : Duration.ZERO;
    if ((signsOn || !echoEvery.isZero()) && traces == null) {
      throw new IllegalStateException(
          "sign-on and echo need terminal(merchantId, terminalId, traces)");
    }
    TerminalSession session =
        new TerminalSession(
            merchantId != null ? merchantId : "",
            terminalId != null ? terminalId : "",
            traces != null ? traces : IsoTransportBuilder::noTraces,
            batchNumber != null ? batchNumber : 1,
            time);
    if (signOnKeyScheme != null && !signsOn) {
      throw new IllegalStateException("signOnKeyScheme needs signOnOnConnect(true)");
    }
    MappingSettings mapping = mappingSettings(chosen);
    MessageMapper mapper = MessageMapper.of(mapping, session);
    MacAlgorithm macs = macAlgorithm != null ? macAlgorithm : chosen.defaultMacAlgorithm();
    Optional<MacSigner> signer =
        Optional.ofNullable(secureModule).map(module -> new MacSigner(module, macs, macKeyId));
    ChannelSettings channelSettings = channelSettings(chosen, echoEvery);
    ScheduledExecutorService timers = scheduler != null ? scheduler : ownScheduler();
    Runnable onClose = scheduler != null ? () -> {} : timers::shutdownNow;
    ChannelRuntime runtime =
        new ChannelRuntime(
            time,
            timers,
            threads != null ? threads : daemons("escrowkit-iso-"),
            random != null ? random : new SecureRandom());
    IsoChannel channel =
        new IsoChannel(
            channelSettings,
            IsoCodec.of(chosen.spec()),
            new MapperSession(
                mapper, signsOn, !echoEvery.isZero(), keyLoader(chosen, signsOn, mapping, macs)),
            runtime);
    return new IsoTransport(
        name != null ? name : "iso8583:" + channelSettings.address(),
        channel,
        mapper,
        signer,
        new AnswerInterpreter(mapper, signer, requireMacOnApproval == null || requireMacOnApproval),
        session,
        adviceRepeat != null ? adviceRepeat : Duration.ofSeconds(10),
        signsOn,
        onClose);
  }

  private Optional<WorkingKeyLoader> keyLoader(
      Dialect chosen, boolean signsOn, MappingSettings mapping, MacAlgorithm macs) {
    if (workingKeys == null) {
      return Optional.empty();
    }
    if (secureModule == null || !signsOn || chosen != Dialect.UNIONPAY_POS) {
      throw new IllegalStateException(
          "loadWorkingKeys needs mac(module, keyId), signOnOnConnect(true) and the UnionPay"
              + " dialect (the ISO 87 sign-on carries no keys)");
    }
    WorkingKeyIds ids = new WorkingKeyIds(workingKeys[0], workingKeys[1], macKeyId, workingKeys[2]);
    return Optional.of(
        new WorkingKeyLoader(secureModule, ids, mapping.signOnKeyScheme(), macs));
  }

  private MappingSettings mappingSettings(Dialect chosen) {
    MappingSettings settings =
        chosen == Dialect.UNIONPAY_POS ? MappingSettings.unionPay() : MappingSettings.iso87(chosen);
    if (zone != null) {
      settings = settings.withZone(zone);
    }
    if (tpdu != null) {
      settings = settings.withTpdu(tpdu);
    }
    if (header != null) {
      settings = settings.withHeader(header);
    }
    if (captureMode != null) {
      settings = settings.withCaptureMode(captureMode);
    }
    if (reversalMti != null) {
      settings = settings.withReversalMti(reversalMti);
    }
    if (readCapability != null) {
      settings = settings.withReadCapability(readCapability);
    }
    if (acquirerId != null) {
      settings = settings.withAcquirerId(acquirerId);
    }
    if (signOnKeyScheme != null) {
      if (chosen != Dialect.UNIONPAY_POS) {
        throw new IllegalStateException(
            "signOnKeyScheme is for the UnionPay dialect (the ISO 87 sign-on carries no keys)");
      }
      settings = settings.withSignOnKeyScheme(signOnKeyScheme);
    }
    for (Map.Entry<RequestType, MessageCodes> acquirer : messageCodes.entrySet()) {
      settings = settings.withMessageCodes(acquirer.getKey(), acquirer.getValue());
    }
    return settings;
  }

  /** The framing each dialect's hosts usually use: 4 ASCII digits for ISO 87 ASCII, else binary. */
  private static Framing defaultFraming(Dialect dialect) {
    return dialect == Dialect.ISO87_ASCII ? Framing.asciiLength() : Framing.binaryLength();
  }

  private ChannelSettings channelSettings(Dialect chosen, Duration echoEvery) {
    ChannelSettings settings =
        ChannelSettings.of(host, port, framing != null ? framing : defaultFraming(chosen));
    if (tls != null) {
      settings = settings.withTls(tls);
    }
    if (connectTimeout != null) {
      settings = settings.withConnectTimeout(connectTimeout);
    }
    if (reconnect != null) {
      settings = settings.withReconnect(reconnect[0], reconnect[1]);
    }
    if (writeTimeout != null) {
      settings = settings.withWriteTimeout(writeTimeout);
    }
    return settings.withEcho(echoEvery, echoTimeout != null ? echoTimeout : settings.echoTimeout());
  }

  private static long noTraces() {
    throw new IllegalStateException("no trace source: configure terminal(..., traces)");
  }

  /**
   * One timer thread; a cancelled timer (every answered request cancels its deadline) leaves the
   * queue at once instead of at its deadline, so the queue stays as long as the requests in flight.
   */
  private static ScheduledExecutorService ownScheduler() {
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(1, daemons("escrowkit-iso-timer-"));
    timers.setRemoveOnCancelPolicy(true);
    return timers;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
