package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.IsoMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as built for one sign-on session: its message and, for an advice, the repeat sent
 * while it is unanswered (0221 for 0220). A sign-on can change what a request carries (the batch
 * number it gives, the MAC key it loads), so a request that goes out only after a newer sign-on
 * is built again ({@link IsoChannel#send(Outgoing, java.util.function.Supplier, java.time.Duration,
 * java.time.Instant)}). Immutable.
 *
 * @param request the message
 * @param repeat its repeat, for an advice
 * @param sessionNumber the session it was built for: {@link IsoChannel#sessionNumber()}, read
 *     before building
 */
public record Outgoing(IsoMessage request, Optional<IsoMessage> repeat, long sessionNumber) {

  public Outgoing {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(repeat, "repeat");
    if (sessionNumber < 0) {
      throw new IllegalArgumentException("sessionNumber must not be negative: " + sessionNumber);
    }
  }
}
