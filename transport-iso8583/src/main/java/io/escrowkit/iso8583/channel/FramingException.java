package io.escrowkit.iso8583.channel;

import java.io.IOException;

/**
 * The stream broke the framing (a length prefix that is not a number, or announces more than the
 * maximum): where the next message starts is lost, so the connection must be dropped.
 */
final class FramingException extends IOException {
  private static final long serialVersionUID = 1L;

  FramingException(String message) {
    super(message);
  }
}
