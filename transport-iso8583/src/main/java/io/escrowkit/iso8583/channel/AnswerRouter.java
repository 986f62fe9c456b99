package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.spi.UnknownReason;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message read from the host to the request it answers, and to no other: the answer must
 * name the request's terminal, trace and message class, and arrive while the request is in flight.
 * Late, duplicate and unknown answers are logged (card data masked) and dropped. A message that
 * does not decode cannot be attributed: it is logged (its length only) and dropped, and the caller
 * drops the connection when several come in a row. A network management request of the host's own
 * (an echo test) is answered on the connection it came on ({@link HostRequests}). Threadsafe.
 */
final class AnswerRouter {
  private static final Logger log = LoggerFactory.getLogger(AnswerRouter.class);

  /** What became of one message. */
  enum Routing {
    /** It completed its request (with the answer, or as malformed when its MTI was wrong). */
    DELIVERED,
    /** It was logged and dropped. */
    DROPPED,
    /** It did not decode: it answered nobody, or nobody can tell whom. */
    UNDECODABLE,
    /** It was the host's own network management request, and is being answered. */
    SERVED
  }

  private final IsoCodec codec;
  private final Multiplexer mux;
  private final HostRequests hostRequests;

  AnswerRouter(IsoCodec codec, Multiplexer mux, HostRequests hostRequests) {
    this.codec = codec;
    this.mux = mux;
    this.hostRequests = hostRequests;
  }

  Routing route(byte[] frame, Connection connection) {
    DecodedMessage answer;
    try {
      answer = codec.decode(frame);
    } catch (IsoFormatException malformed) {
      log.warn(
          "undecodable message of {} bytes dropped on connection {}: {}",
          frame.length,
          connection,
          malformed.getMessage());
      return Routing.UNDECODABLE;
    }
    if (HostRequests.isNetworkRequest(answer.mti())) {
      hostRequests.serve(answer, connection);
      return Routing.SERVED;
    }
    Optional<MatchKey> key = MatchKey.ofAnswer(answer);
    Optional<Exchange> exchange = key.flatMap(mux::pending);
    if (!key.isPresent() && answer.mti().charAt(1) == '8') {
      exchange = traceless(answer);
    }
    if (!exchange.isPresent()) {
      drop(answer, key, connection);
      return Routing.DROPPED;
    }
    Exchange request = exchange.get();
    ChannelResult result =
        MatchKey.answers(answer.mti(), request.answerMti)
            ? ChannelResult.answer(frame, answer)
            : ChannelResult.failure(
                UnknownReason.MALFORMED_RESPONSE,
                "answer "
                    + answer.mti()
                    + " to "
                    + request.requestMti
                    + ", expected "
                    + request.answerMti);
    checkTpdu(request, answer, connection);
    if (!mux.finish(request, result, Multiplexer.Fate.ANSWERED)) {
      log.warn("late answer {} for {} dropped: the request had just ended", answer.mti(), request);
      return Routing.DROPPED;
    }
    if (log.isDebugEnabled()) {
      log.debug("answer on connection {}: {}", connection, dumpOf(answer));
    }
    return Routing.DELIVERED;
  }

  /** Echo answers of hosts that leave out field 11: the one echo in flight for that terminal. */
  private Optional<Exchange> traceless(DecodedMessage answer) {
    if (!answer.has(MatchKey.TERMINAL_ID)) {
      return Optional.empty();
    }
    try {
      String terminal = answer.readString(MatchKey.TERMINAL_ID).trim();
      return mux.soleNetworkExchange(terminal);
    } catch (IsoFormatException malformed) {
      return Optional.empty();
    }
  }

  private void drop(DecodedMessage answer, Optional<MatchKey> key, Connection connection) {
    if (!key.isPresent()) {
      log.warn(
          "answer without a usable trace and terminal id dropped on connection {}: {}",
          connection,
          dumpOf(answer));
      return;
    }
    Optional<Multiplexer.Fate> fate = mux.recall(key.get());
    if (!fate.isPresent()) {
      log.warn(
          "answer matching no request dropped ({}) on connection {}: {}",
          key.get(),
          connection,
          dumpOf(answer));
    } else if (fate.get() == Multiplexer.Fate.ANSWERED) {
      log.warn(
          "duplicate answer dropped ({}): the request was already answered; {}",
          key.get(),
          dumpOf(answer));
    } else {
      log.warn(
          "late answer dropped ({}): the request had already ended in doubt ({}); {}",
          key.get(),
          fate.get(),
          dumpOf(answer));
    }
  }

  /**
   * A host answers with the request's TPDU, source and destination swapped; many real ones echo it
   * as sent. Either way the answer is taken (it is matched by its fields); the first TPDU that is
   * not the swapped one is logged as a warning on each connection, the others at debug level.
   */
  private static void checkTpdu(Exchange request, DecodedMessage answer, Connection connection) {
    byte[] sent = request.requestTpdu;
    byte[] got = answer.tpdu();
    if (sent.length == 0 || got.length != sent.length) {
      return;
    }
    byte[] expected = HostRequests.swapped(sent);
    if (Arrays.equals(expected, got)) {
      return;
    }
    String how = Arrays.equals(sent, got) ? "as sent, not swapped" : "with other addresses";
    if (connection.firstTpduMismatch()) {
      log.warn("answer to {} came with the TPDU {}; taken (further ones on connection {} are"
          + " logged at debug level)", request, how, connection);
    } else {
      log.debug("answer to {} came with the TPDU {}", request, how);
    }
  }

  private static String dumpOf(DecodedMessage message) {
    return MessageDump.of(message);
  }
}
