package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.iso8583.IsoMessage;
import java.util.Optional;

/**
 * The channel's own messages, which depend on the dialect: the sign-on sent on each new connection
 * before it carries requests, and the echo test sent while the host is silent. Implementations
 * must be threadsafe.
 */
public interface ChannelSession {

  /** The sign-on for a new connection, or empty to use connections at once. */
  Optional<IsoMessage> signOn();

  /**
   * Whether the host's answer to the sign-on lets the connection carry requests; may record what
   * the answer sets up (a new batch number).
   */
  boolean signedOn(DecodedMessage answer);

  /** An echo test (network management message), or empty to send none. */
  Optional<IsoMessage> echo();

  /** A session with neither sign-on nor echo. */
  static ChannelSession none() {
    return new ChannelSession() {
      @Override
      public Optional<IsoMessage> signOn() {
        return Optional.empty();
      }

      @Override
      public boolean signedOn(DecodedMessage answer) {
        return true;
      }

      @Override
      public Optional<IsoMessage> echo() {
        return Optional.empty();
      }
    };
  }
}
