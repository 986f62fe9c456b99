package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.IsoFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whole messages from a stream by their length prefix. The announced length is checked
 * against the maximum before a buffer is allocated. Not threadsafe: one reader thread per stream.
 */
final class FrameReader {
  private static final byte[] EMPTY = new byte[0];

  private final InputStream in;
  private final Framing framing;
  private final byte[] head;

  FrameReader(InputStream in, Framing framing) {
    this.in = in;
    this.framing = framing;
    this.head = new byte[framing.prefix().size()];
  }

  /**
   * The next message body (without its prefix); null when the peer closed the stream between
   * messages.
   *
   * @throws EOFException when the stream ends inside a message
   * @throws FramingException when the prefix is not a length or exceeds the maximum
   */
  byte[] next() throws IOException {
    if (!readFully(head, true)) {
      return null;
    }
    int length;
    try {
      length = framing.prefix().read(head, 0);
    } catch (IsoFormatException notALength) {
      throw new FramingException("length prefix is not a length: " + notALength.reason());
    }
    if (length > framing.maxFrameLength()) {
      throw new FramingException(
          "message of " + length + " bytes announced, the maximum is " + framing.maxFrameLength());
    }
    if (length == 0) {
      return EMPTY;
    }
    byte[] body = new byte[length];
    readFully(body, false);
    return body;
  }

  /** Fills {@code buffer}; false only at a clean end of stream before its first byte. */
  private boolean readFully(byte[] buffer, boolean cleanEndAllowed) throws IOException {
    int at = 0;
    while (at < buffer.length) {
      int n = in.read(buffer, at, buffer.length - at);
      if (n < 0) {
        if (at == 0 && cleanEndAllowed) {
          return false;
        }
        throw new EOFException(
            "connection closed inside a message: " + at + " of " + buffer.length + " bytes read");
      }
      at += n;
    }
    return true;
  }
}
