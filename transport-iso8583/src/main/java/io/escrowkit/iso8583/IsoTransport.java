package io.escrowkit.iso8583;

import io.escrowkit.device.DeviceException;
import io.escrowkit.iso8583.channel.ChannelResult;
import io.escrowkit.iso8583.channel.IsoChannel;
import io.escrowkit.iso8583.channel.MessageDump;
import io.escrowkit.iso8583.channel.Outgoing;
import io.escrowkit.iso8583.mapping.AnswerInterpreter;
import io.escrowkit.iso8583.mapping.CaptureMode;
import io.escrowkit.iso8583.mapping.Dialect;
import io.escrowkit.iso8583.mapping.MacSigner;
import io.escrowkit.iso8583.mapping.MessageMapper;
import io.escrowkit.iso8583.mapping.TerminalSession;
import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.Transport;
import io.escrowkit.spi.TransportOutcome;
import io.escrowkit.spi.TransportRequest;
import io.escrowkit.spi.UnknownReason;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link Transport} over ISO 8583 and TCP: maps each escrow request to a message of the
 * configured dialect (UnionPay POS or ISO 8583:1987), signs it with the secure module's MAC, sends
 * it over one multiplexed connection and reads the answer back as an outcome. Every send completes
 * by the request's deadline; a network failure, a bad MAC or an unreadable answer is an unknown
 * outcome, never a decline and never an exceptional completion.
 *
 * <pre>{@code
 * IsoTransport transport = IsoTransport.builder()
 *     .connect("acquirer.example.com", 5000)
 *     .terminal("898310048990001", "10000001", () -> journal.nextTrace("10000001"))
 *     .mac(secureModule, "MAK")
 *     .signOnOnConnect(true)
 *     .build();
 * }</pre>
 *
 * <p>This class is threadsafe; share one instance per host connection and close it when done.
 */
public final class IsoTransport implements Transport, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IsoTransport.class);

  private final String name;
  private final IsoChannel channel;
  private final MessageMapper mapper;
  private final Optional<MacSigner> mac;
  private final AnswerInterpreter interpreter;
  private final TerminalSession session;
  private final Duration adviceRepeat;
  private final boolean signsOn;
  /**
   * Whether it signs on again when the host says keys are out of step: a UnionPay transport that
   * signs on (A0 and 77 say so in UnionPay's codes; ISO 87 sign-ons carry no keys).
   */
  private final boolean signsOnAgain;
  private final AnswersBeingRead answersBeingRead = new AnswersBeingRead();
  private final KeysOutOfStep keysOutOfStep;
  private final Runnable onClose;

  IsoTransport(
      String name,
      IsoChannel channel,
      MessageMapper mapper,
      Optional<MacSigner> mac,
      AnswerInterpreter interpreter,
      TerminalSession session,
      Duration adviceRepeat,
      boolean signsOn,
      Runnable onClose) {
    this.name = name;
    this.channel = channel;
    this.mapper = mapper;
    this.mac = mac;
    this.interpreter = interpreter;
    this.session = session;
    this.adviceRepeat = adviceRepeat;
    this.signsOn = signsOn;
    this.signsOnAgain = signsOn && mapper.settings().dialect() == Dialect.UNIONPAY_POS;
    this.keysOutOfStep = new KeysOutOfStep(channel, answersBeingRead::ofDeliveredAnswers);
    this.onClose = onClose;
  }

  public static IsoTransportBuilder builder() {
    return new IsoTransportBuilder();
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * False: neither ISO 8583:1987 nor the UnionPay POS specification has a field that marks a
   * completion as the last one, so the core follows a final partial capture under a multi-capture
   * profile with a pre-authorization cancel of the remainder.
   */
  @Override
  public boolean carriesFinalCaptureMarker() {
    return false;
  }

  /** Connects (in the background), signing on if configured; sending does it too. Idempotent. */
  public IsoTransport start() {
    channel.start();
    return this;
  }

  /** Whether a connection is up (and signed on, if configured). */
  public boolean isConnected() {
    return channel.isReady();
  }

  /** The batch number (UnionPay field 60.2) requests carry now. */
  public long batchNumber() {
    return session.batchNumber();
  }

  /**
   * Sends {@code request}. With sign-on configured, the message is built once a signed-on
   * connection is up, so that it carries the batch number the sign-on gave. The answer is checked
   * (MAC) and read on the thread that completes the future: the connection's reader.
   */
  @Override
  public CompletableFuture<TransportOutcome> send(TransportRequest request) {
    return send(request, Runnable::run);
  }

  /**
   * Sends {@code request} and checks (MAC) and reads the answer on {@code finisher}: the
   * connection's reader thread reads and routes answers and checks none, so one answer's check
   * through the secure module never holds up the others'. (The reader does use the module once
   * per connection for what waited for its sign-on: it signs those requests again with the new
   * keys as it sends them.)
   */
  @Override
  public CompletableFuture<TransportOutcome> send(TransportRequest request, Executor finisher) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(finisher, "finisher");
    if (!signsOn || channel.isReady()) {
      return sendNow(request, finisher);
    }
    CompletableFuture<TransportOutcome> afterSignOn =
        channel
            .whenReady(request.deadline())
            .thenCompose(
                ready ->
                    ready
                        ? sendNow(request, finisher)
                        : CompletableFuture.completedFuture(
                            TransportOutcome.unknown(
                                UnknownReason.TIMEOUT,
                                "not sent: no signed-on connection before the deadline")));
    // Not ready ends on the thread that gave up waiting: hand that on too (sendNow's result is
    // on the finisher already; once more costs nothing but a hop, before the first sign-on only).
    return afterSignOn.whenCompleteAsync((outcome, failure) -> { }, finisher);
  }

  private CompletableFuture<TransportOutcome> sendNow(TransportRequest request, Executor finisher) {
    Built built;
    try {
      built = new Built(request);
    } catch (DeviceException moduleFailed) {
      // Not sent; the reversal that follows is answered "nothing to reverse". Logged without the
      // module's message, which a driver may have filled with what it was given.
      log.error("{}: the secure module could not MAC the message for {} ({}, {}); not sent", name,
          request, moduleFailed.component(), moduleFailed.failure());
      return CompletableFuture.completedFuture(TransportOutcome.unknown(
          UnknownReason.TERMINAL_FAILURE,
          "not sent: the secure module could not MAC it (" + moduleFailed.failure() + ")"));
    } catch (RuntimeException unbuildable) {
      log.error("{}: could not build the message for {}; not sent", name, request, unbuildable);
      return CompletableFuture.completedFuture(
          TransportOutcome.unknown(
              UnknownReason.MALFORMED_RESPONSE,
              "not sent: message could not be built: " + unbuildable.getMessage()));
    }
    Outgoing first = built.latest;
    if (log.isDebugEnabled()) {
      log.debug("{}: {} as {}", name, request, MessageDump.of(first.request()));
    }
    CompletableFuture<ChannelResult> answer;
    // Signing on again waits for the answers being read; without it they need no counting.
    AnswersBeingRead.Reading counted = signsOnAgain ? answersBeingRead.beforeSending() : null;
    try {
      // A request that goes out only after a newer sign-on is signed again for it (without
      // sign-ons, the key never changes and signing again gives the same MAC).
      answer = channel.send(first, built::again, adviceRepeat, request.deadline());
    } catch (RuntimeException unsendable) {
      if (counted != null) {
        counted.ended();
      }
      log.error("{}: could not send {}", name, request, unsendable);
      return CompletableFuture.completedFuture(
          TransportOutcome.unknown(
              UnknownReason.CONNECTION_LOST, "not sent: " + unsendable.getMessage()));
    }
    CompletableFuture<TransportOutcome> reading = answer.handleAsync(
        (result, error) -> {
          Outgoing sent = built.latest;
          TransportOutcome outcome =
              error == null
                  ? interpreter.outcome(request, sent.request(), result)
                  : TransportOutcome.unknown(
                      UnknownReason.CONNECTION_LOST, "channel failed: " + error);
          if (signsOnAgain) {
            keysOutOfStep.check(sent, outcome);
          }
          if (log.isDebugEnabled()) {
            log.debug(
                "{}: {} -> {} {}",
                name,
                request,
                outcome.kind(),
                outcome.responseCode().orElse(outcome.detail()));
          }
          return outcome;
        },
        finisher);
    return counted != null ? counted.of(answer, reading) : reading;
  }

  /**
   * One request's message as built for the session then signed on, and its latest signing: when
   * it goes out only after a newer sign-on, the channel has it signed again with the keys that
   * sign-on loaded; the answer is read against the latest.
   */
  private final class Built {
    private final TransportRequest request;
    private volatile Outgoing latest;

    Built(TransportRequest request) {
      this.request = request;
      this.latest = build();
    }

    /**
     * Signed again with the MAC key loaded now; every other field as first built. A repeat is the
     * same message as the one the host may have booked already (its batch number included), and a
     * request that waited for the connection names the batch it was made in.
     */
    Outgoing again() {
      long session = channel.sessionNumber(); // read first, as in build()
      Outgoing last = latest;
      Outgoing signed = new Outgoing(sign(last.request()),
          last.repeat().map(IsoTransport.this::sign), session);
      latest = signed;
      return signed;
    }

    private Outgoing build() {
      long session = channel.sessionNumber(); // read first: a sign-on meanwhile means signing again
      IsoMessage first = mapper.request(request);
      // Sent again by the client (store and forward, or a reversal not yet acknowledged): an
      // advice goes as its repeat, 0221; a reversal advice as 0421 (a reversal request stays 0400).
      IsoMessage message = request.repeat() ? mapper.repeatOf(first).orElse(first) : first;
      Optional<IsoMessage> repeat = isAdvice(request) && !request.repeat()
          ? mapper.repeatOf(message)
          : Optional.empty();
      // Signed once each, as sent (a repeat differs from its original in the MTI, which the MAC
      // covers).
      return new Outgoing(sign(message), repeat.map(IsoTransport.this::sign), session);
    }
  }

  private IsoMessage sign(IsoMessage message) {
    return mac.isPresent() ? mac.get().sign(message) : message;
  }

  private boolean isAdvice(TransportRequest request) {
    return request.type() == RequestType.CAPTURE_ADVICE
        || request.type() == RequestType.CAPTURE
            && mapper.settings().captureMode() == CaptureMode.ADVICE;
  }

  /** Closes the connection: requests in flight end as unknown (connection lost), never declined. */
  @Override
  public void close() {
    channel.close();
    onClose.run();
  }

  @Override
  public String toString() {
    return "IsoTransport[" + name + "]";
  }
}
