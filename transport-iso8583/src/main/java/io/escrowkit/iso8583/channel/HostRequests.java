package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoCodec;
import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.LengthPrefix;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the network management messages a host sends on its own, not as answers: an echo test
 * (0800 with network management code 301, or with none) on an idle line, which hosts send to see
 * the terminal is there and drop the line when it goes unanswered; an advice (0820). The answer
 * is the message back as the response (0810, 0830; a repeat 0801 or 0821 is answered the same),
 * with the TPDU's addresses swapped and without MAC fields (network management carries none):
 * response code 00 to an echo test and to an advice (received), 40 (function not supported) to
 * any other request — a key change, sign-off or cut-over is not done here, and the host must not
 * think it was. The code is field 70 (ISO 8583:1987) or subfield 60.3 (UnionPay POS).
 *
 * <p>Answers are written by a thread of their own, never by the connection's reader (a write may
 * block while the host is slow to read, and the reader must go on reading answers), at most 16
 * waiting. Threadsafe.
 */
final class HostRequests {
  private static final Logger log = LoggerFactory.getLogger(HostRequests.class);
  private static final String ECHO = "301";
  private static final String APPROVED = "00";
  private static final String NOT_SUPPORTED = "40";
  private static final int RESPONSE_CODE = 39;
  private static final int NETWORK_CODE = 70;
  private static final int[] MAC_FIELDS = {64, 128};
  private static final int TPDU_LENGTH = 5;
  private static final int WAITING_ANSWERS = 16;

  private final IsoCodec codec;
  private final LengthPrefix prefix;
  private final Consumer<Connection> onBroken;
  private final ThreadPoolExecutor writer;

  /**
   * @param onBroken what to do with a connection an answer could not be written on
   */
  HostRequests(
      IsoCodec codec, LengthPrefix prefix, ThreadFactory threads, Consumer<Connection> onBroken) {
    this.codec = codec;
    this.prefix = prefix;
    this.onBroken = onBroken;
    this.writer =
        new ThreadPoolExecutor(
            0,
            1,
            5,
            TimeUnit.SECONDS, // the thread goes once the host's requests stop
            new ArrayBlockingQueue<>(WAITING_ANSWERS),
            threads,
            (answer, refusing) -> {
              if (!refusing.isShutdown()) {
                log.warn("too many host requests waiting for an answer; one dropped");
              }
            });
  }

  /** Whether {@code mti} is a network management request or advice (x800, x820, x801, ...). */
  static boolean isNetworkRequest(String mti) {
    return mti.length() == 4
        && mti.charAt(1) == '8'
        && (mti.charAt(2) == '0' || mti.charAt(2) == '2');
  }

  /** Answers {@code request}, read on {@code connection}, on that connection. */
  void serve(DecodedMessage request, Connection connection) {
    byte[] frame;
    try {
      frame = codec.encode(answerTo(request), prefix);
    } catch (RuntimeException unanswerable) {
      log.warn("host's {} on connection {} could not be answered, dropped: {}", request.mti(),
          connection, unanswerable.getMessage());
      return;
    }
    String mti = request.mti(); // read now: the message is not this thread's to keep
    writer.execute(() -> write(frame, mti, connection));
  }

  /** Stops answering; answers not yet written are dropped. */
  void close() {
    writer.shutdownNow();
  }

  private void write(byte[] frame, String mti, Connection connection) {
    try {
      connection.write(frame);
      log.debug("answered the host's {} on connection {}", mti, connection);
    } catch (IOException | RuntimeException broken) {
      log.warn("answering the host's {} on connection {} failed: {}", mti, connection,
          broken.toString());
      onBroken.accept(connection);
    }
  }

  /**
   * The answer to a host's network management request or advice.
   *
   * @throws io.escrowkit.iso8583.IsoFormatException if the request's fields are malformed
   * @throws IllegalArgumentException if the dialect has no response code field
   */
  static IsoMessage answerTo(DecodedMessage request) {
    String mti = request.mti();
    boolean advice = mti.charAt(2) == '2';
    IsoMessage.Builder answer = request.toMessage().toBuilder().mti(MatchKey.answerMti(mti));
    if (request.tpdu().length == TPDU_LENGTH) {
      answer.tpdu(swapped(request.tpdu()));
    }
    for (int field : MAC_FIELDS) {
      answer.remove(field);
    }
    boolean echo = networkCode(request).map(ECHO::equals).orElse(true);
    return answer.set(RESPONSE_CODE, advice || echo ? APPROVED : NOT_SUPPORTED).build();
  }

  /** A 5-byte TPDU (id, destination, source) with destination and source swapped, as answered. */
  static byte[] swapped(byte[] tpdu) {
    byte[] swapped = tpdu.clone();
    System.arraycopy(tpdu, 3, swapped, 1, 2);
    System.arraycopy(tpdu, 1, swapped, 3, 2);
    return swapped;
  }

  /** Field 70, else subfield 60.3 where the dialect has it; empty when neither is there. */
  private static Optional<String> networkCode(DecodedMessage request) {
    if (request.has(NETWORK_CODE)) {
      return Optional.of(request.readString(NETWORK_CODE).trim());
    }
    try {
      return request.has(60)
          ? Optional.of(request.readSubfield(60, 3).trim())
          : Optional.empty();
    } catch (RuntimeException noSuchSubfield) {
      return Optional.empty();
    }
  }
}
