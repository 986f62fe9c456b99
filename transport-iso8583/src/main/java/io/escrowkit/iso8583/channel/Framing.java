package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.LengthPrefix;
import java.util.Objects;

/**
 * How messages are delimited on the TCP stream: the length prefix in front of each message (2-byte
 * binary or 4 ASCII digits) and the largest message accepted, checked before its bytes are read.
 * The TPDU and dialect header are part of the message (the codec writes them), not of the framing.
 * Immutable and threadsafe.
 *
 * @param prefix the length prefix; {@link LengthPrefix#NONE} cannot delimit a stream and is refused
 * @param maxFrameLength the largest message body accepted from the host, in bytes
 */
public record Framing(LengthPrefix prefix, int maxFrameLength) {

  /** The default largest message: generous for POS messages, small enough to bound memory. */
  public static final int DEFAULT_MAX_FRAME_LENGTH = 8192;

  public Framing {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix == LengthPrefix.NONE) {
      throw new IllegalArgumentException(
          "a TCP stream needs a length prefix: NONE cannot tell where a message ends");
    }
    if (maxFrameLength < 1 || maxFrameLength > prefix.maxLength()) {
      throw new IllegalArgumentException(
          "maxFrameLength must be 1 to "
              + prefix.maxLength()
              + " for "
              + prefix
              + ", got "
              + maxFrameLength);
    }
  }

  /** A 2-byte big-endian binary length, as UnionPay POS terminals and jPOS NACChannel use. */
  public static Framing binaryLength() {
    return new Framing(LengthPrefix.BINARY_2, DEFAULT_MAX_FRAME_LENGTH);
  }

  /** Four ASCII digits, as jPOS ASCIIChannel uses. */
  public static Framing asciiLength() {
    return new Framing(LengthPrefix.ASCII_4, DEFAULT_MAX_FRAME_LENGTH);
  }

  /** The same prefix with another maximum. */
  public Framing withMaxFrameLength(int max) {
    return new Framing(prefix, max);
  }
}
