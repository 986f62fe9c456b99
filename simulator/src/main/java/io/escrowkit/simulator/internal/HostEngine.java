package io.escrowkit.simulator.internal;

import io.escrowkit.device.DeviceException;
import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoException;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.simulator.Exchange;
import io.escrowkit.simulator.ExchangeListener;
import io.escrowkit.simulator.Fault;
import io.escrowkit.simulator.HostProfile;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acquirer: one request body in, one {@link Delivery} out. Decodes with the profile's codec,
 * draws the request's fault, checks the MAC, classifies, applies the request to the books under
 * their lock, builds and signs the answer, and frames it as the fault says. Threadsafe.
 */
public final class HostEngine {

  private static final Logger log = LoggerFactory.getLogger("io.escrowkit.simulator");
  /** ISO 8583's format error. */
  private static final String MALFORMED = "30";

  private final HostProfile profile;
  private final IsoCodec codec;
  private final LengthPrefix framing;
  private final LedgerBook book;
  private final Responses responses;
  private final MessageMac mac;
  private final Optional<SessionKeys> sessionKeys;
  private final boolean requireMac;
  private final FaultSource faults;
  private final Random random;
  private final Clock clock;
  private final ExchangeListener listener;
  private final HoldHandler holds;
  private final CompletionHandler completions;
  private final RefundHandler refunds;
  private final ReversalHandler reversals;

  /** What the engine answers with and how. */
  public record Settings(
      HostProfile profile,
      LengthPrefix framing,
      HostRules rules,
      MessageMac mac,
      boolean requireMac,
      Optional<SessionKeys> sessionKeys,
      Clock clock,
      Random random,
      ExchangeListener listener) {}

  public HostEngine(Settings settings, LedgerBook book, FaultSource faults) {
    this.profile = settings.profile();
    this.codec = IsoCodec.of(profile.spec());
    this.framing = settings.framing();
    this.book = Objects.requireNonNull(book, "book");
    this.responses = new Responses(settings.clock());
    this.mac = settings.mac();
    this.sessionKeys = settings.sessionKeys();
    this.requireMac = settings.requireMac();
    this.faults = Objects.requireNonNull(faults, "faults");
    this.random = settings.random();
    this.clock = settings.clock();
    this.listener = settings.listener();
    References references = new References(random);
    this.holds = new HoldHandler(book, references, settings.rules());
    this.completions = new CompletionHandler(book, references, settings.rules());
    this.refunds = new RefundHandler(book, references, settings.rules());
    this.reversals = new ReversalHandler(book);
  }

  /** Handles one request body (without its length prefix). */
  public Delivery handle(byte[] body) {
    DecodedMessage decoded;
    try {
      decoded = codec.decode(body);
    } catch (IsoException e) {
      log.warn("{}: dropped a request that does not decode: {}", profile.cliName(), e.getMessage());
      return Delivery.none();
    }
    RequestView request;
    try {
      request = new RequestView(profile, decoded, body);
    } catch (IsoException unreadable) {
      return formatError(decoded, body, unreadable);
    }
    if (!Responses.isAnswerable(request.mti)) {
      log.warn("{}: {} from terminal {} trace {} is not a request or an advice: not answered",
          profile.cliName(), request.mti, request.terminalId(), request.stan());
      return Delivery.none();
    }
    Optional<Fault> fault = faults.draw(request.mti);
    TransactionType type = Classifier.classify(request);
    if (fault.isPresent() && fault.get() == Fault.REQUEST_LOST) {
      report(request, type, Optional.empty(), fault, "dropped unread");
      return Delivery.none();
    }
    // Begun before anything is booked: a request whose fields cannot be echoed is malformed.
    Responses.Echo echo = responses.echo(request);
    MacCheck macCheck = checkMac(request.decoded, request.frame);
    Decision decision = decide(request, type, echo, macCheck);
    try {
      return answer(request, type, echo, decision, macCheck, fault);
    } catch (IsoException | DeviceException e) {
      // A bug here, not the client's: say so, and keep the connection for the requests behind.
      log.error("{}: could not answer {} from terminal {} trace {} ({}): {}; not answered, though"
              + " the books may show it", profile.cliName(), request.mti, request.terminalId(),
          request.stan(), decision.note(), e.getMessage());
      return Delivery.none();
    }
  }

  /**
   * A request whose layout decodes but one of whose values does not read (a BCD nibble that is no
   * digit, say): answered 30 with what of it can be echoed, nothing booked, as a host that can
   * read the MTI, trace and terminal does, so that the terminal is not left to time out and
   * reverse. Unanswered when the MTI does not read or asks for no answer.
   */
  private Delivery formatError(DecodedMessage decoded, byte[] body, IsoException unreadable) {
    String mti;
    try {
      mti = decoded.mti();
    } catch (IsoException e) {
      log.warn("{}: dropped a request whose MTI does not read: {}", profile.cliName(),
          e.getMessage());
      return Delivery.none();
    }
    if (!Responses.isAnswerable(mti)) {
      log.warn("{}: {} is not a request or an advice, and does not read: {}; not answered",
          profile.cliName(), mti, unreadable.getMessage());
      return Delivery.none();
    }
    // The MAC first, as for any request: a wrong one (or none where one is required) is refused
    // for that, unsigned; a format error is signed only after the request's MAC verified.
    MacCheck macCheck = checkMac(decoded, body);
    boolean macRefused = refusesMac(macCheck, mti.startsWith("08"));
    IsoMessage answer = responses.refusal(responses.echo(profile, decoded, mti),
        macRefused ? macRefused() : MALFORMED);
    if (macCheck == MacCheck.VALID) {
      answer = mac.sign(codec, answer, false);
    }
    byte[] frame = codec.encode(answer, framing);
    String note = (macRefused ? "MAC missing or wrong; " : "") + "malformed: "
        + unreadable.getMessage();
    Exchange exchange = new Exchange(clock.instant(), mti, "MALFORMED",
        answer.get(41).orElse(""), answer.get(11).orElse(""), "-", OptionalLong.empty(),
        Optional.of(answer.mti()), answer.get(39), Optional.empty(), note);
    log.warn("{}: {}", profile.cliName(), exchange);
    listener.onExchange(exchange);
    return Delivery.now(frame);
  }

  /** What checking a request's MAC found. */
  private enum MacCheck {
    VALID,
    WRONG,
    ABSENT,
    /** The MAC field does not read. */
    UNREADABLE,
    /** The secure module failed. */
    MODULE_FAILED
  }

  private MacCheck checkMac(DecodedMessage decoded, byte[] body) {
    if (!MessageMac.hasMac(decoded)) {
      return MacCheck.ABSENT;
    }
    try {
      return mac.verify(decoded, body) ? MacCheck.VALID : MacCheck.WRONG;
    } catch (IsoException e) {
      return MacCheck.UNREADABLE;
    } catch (DeviceException e) {
      log.error("{}: the secure module failed: {}", profile.cliName(), e.getMessage());
      return MacCheck.MODULE_FAILED;
    }
  }

  /**
   * Whether a request's MAC is refused: wrong, or missing where one is required (network
   * management, 08xx, never needs one).
   */
  private boolean refusesMac(MacCheck check, boolean networkManagement) {
    return check == MacCheck.WRONG
        || check == MacCheck.ABSENT && requireMac && !networkManagement;
  }

  /** Finishes, signs, reports and encodes the answer to {@code request}. */
  private Delivery answer(RequestView request, TransactionType type, Responses.Echo echo,
      Decision decision, MacCheck macCheck, Optional<Fault> fault) {
    // Signed when the request's MAC verified, unless the module failed meanwhile.
    boolean signed =
        macCheck == MacCheck.VALID && !decision.responseCode().equals(securityFailed());
    boolean wrongMac = fault.isPresent() && fault.get() == Fault.WRONG_MAC;
    IsoMessage answer = responses.build(echo, request, decision, type);
    String note = decision.note();
    if (type == TransactionType.SIGN_ON
        && decision.responseCode().equals(Decision.APPROVED)
        && sessionKeys.isPresent()) {
      Optional<IsoMessage> withKeys = sessionKeys.get().withKeys(request, answer);
      if (withKeys.isPresent()) {
        note = note + "; working keys issued for key scheme " + SessionKeys.scheme(request);
        answer = withKeys.get();
      }
    }
    if (signed || wrongMac) {
      answer = mac.sign(codec, answer, wrongMac);
    }
    byte[] frame = codec.encode(answer, framing);
    report(request, type, Optional.of(answer), fault, note);
    return deliver(frame, fault);
  }

  private Decision decide(
      RequestView r, TransactionType type, Responses.Echo echo, MacCheck macCheck) {
    if (refusesMac(macCheck, type.isNetworkManagement())) {
      return Decision.answer(macRefused(), "MAC missing or wrong");
    }
    if (macCheck == MacCheck.MODULE_FAILED) {
      return Decision.answer(securityFailed(), "security processing failed");
    }
    if (macCheck == MacCheck.UNREADABLE) {
      return Decision.answer(MALFORMED, "malformed: the MAC field does not read");
    }
    if (echo.unfit().isPresent()) {
      return Decision.answer(MALFORMED, "malformed: " + echo.unfit().get());
    }
    if (!r.has(11) || (!type.isNetworkManagement() && (!r.has(41) || !r.has(42)))) {
      return Decision.answer(MALFORMED, "field 11, 41 or 42 missing");
    }
    try {
      synchronized (book) {
        return apply(r, type);
      }
    } catch (IsoException e) {
      return Decision.answer(MALFORMED, "malformed: " + e.getMessage());
    } catch (DeviceException e) {
      log.error("{}: the secure module failed: {}", profile.cliName(), e.getMessage());
      return Decision.answer(securityFailed(), "security processing failed");
    }
  }

  /** A request's MAC missing or wrong: UnionPay's A0; ISO 8583:1987's security violation, 63. */
  private String macRefused() {
    return profile.hasTransactionTypeCode() ? "A0" : "63";
  }

  /** The host's secure module failed: UnionPay's A7; ISO 8583:1987's system malfunction, 96. */
  private String securityFailed() {
    return profile.hasTransactionTypeCode() ? "A7" : "96";
  }

  private Decision apply(RequestView r, TransactionType type) {
    if (type.isFinancial() && reversals.reversedBeforeArrival(r)) {
      return Decision.answer("94", "its reversal came first; not applied");
    }
    if (RequestRepeats.isRequestRepeat(r)) {
      Optional<Decision> earlier = RequestRepeats.earlierAnswer(book, r, type);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    switch (type) {
      case SIGN_ON:
        return Decision.answer(Decision.APPROVED, "signed on");
      case SIGN_OFF:
        return Decision.answer(Decision.APPROVED, "signed off");
      case ECHO:
        return Decision.answer(Decision.APPROVED, "echo");
      case NETWORK_UNSUPPORTED:
        return Decision.answer("40", "network management code "
            + r.get(70).or(r::networkCode).orElse("-")
            + " not offered");
      case PRE_AUTH:
        return holds.preAuthorize(r);
      case PRE_AUTH_CANCEL:
        return holds.cancel(r);
      case COMPLETION:
        return completions.request(r);
      case COMPLETION_ADVICE:
        return completions.advice(r);
      case COMPLETION_VOID:
        return completions.voidCompletion(r);
      case REFUND:
        return refunds.refund(r);
      case REVERSAL:
        return reversals.reverse(r);
      case INCONSISTENT:
        return Decision.answer("12", "processing code, 60.1 and MTI disagree");
      case INCOMPLETE:
        return Decision.answer(MALFORMED, profile == HostProfile.CUP
            ? "processing code or field 60 missing" : "processing code missing");
      default:
        return Decision.answer("40", "transaction not offered");
    }
  }

  private Delivery deliver(byte[] frame, Optional<Fault> fault) {
    if (fault.isEmpty()) {
      return Delivery.now(frame);
    }
    switch (fault.get()) {
      case DELAY:
        return new Delivery(List.of(frame), faults.delay(), false);
      case LATE_RESPONSE:
        return new Delivery(List.of(frame), faults.late(), false);
      case NO_RESPONSE:
        return Delivery.none();
      case RESET_MID_FRAME:
        return new Delivery(List.of(frame), Duration.ZERO, true);
      case GARBAGE:
        return Delivery.now(garbage(frame.length - framing.size()));
      case DUPLICATE_RESPONSE:
        return new Delivery(List.of(frame, frame), Duration.ZERO, false);
      default:
        return Delivery.now(frame);
    }
  }

  /**
   * A well-framed body of random bytes with the high nibble of each at A to F: no BCD or ASCII
   * digit, so it can never decode as a message.
   */
  private byte[] garbage(int length) {
    byte[] out = new byte[framing.size() + length];
    int at = framing.write(length, out, 0);
    for (int i = at; i < out.length; i++) {
      out[i] = (byte) (0xA0 | random.nextInt(0x60));
    }
    return out;
  }

  private void report(
      RequestView r,
      TransactionType type,
      Optional<IsoMessage> answer,
      Optional<Fault> fault,
      String note) {
    Exchange exchange =
        new Exchange(
            clock.instant(),
            r.mti,
            type.name(),
            r.terminalId(),
            r.stan(),
            r.maskedPan(),
            r.amount(),
            answer.map(IsoMessage::mti),
            answer.flatMap(a -> a.get(39)),
            fault,
            note);
    log.info("{}: {}", profile.cliName(), exchange);
    listener.onExchange(exchange);
  }
}
