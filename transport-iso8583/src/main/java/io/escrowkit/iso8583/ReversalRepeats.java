package io.escrowkit.iso8583;

import io.escrowkit.spi.RequestType;
import io.escrowkit.spi.TransportRequest;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Remembers the reversals this transport has sent, by operation id, so that a reversal sent again
 * (the core retries an unacknowledged reversal with the same operation id and trace) goes as the
 * repeat of a reversal advice: 0421 after 0420 (ISO 8583:1987). A reversal request 0400 has no
 * repeat MTI and goes as 0400 again, as UnionPay POS terminals resend it. The last {@value
 * #REMEMBERED} are kept; after a restart the first sending is 0420 again, which a host must take
 * as a duplicate anyway. Threadsafe.
 */
final class ReversalRepeats {
  static final int REMEMBERED = 4096;

  private final Set<String> sent = new LinkedHashSet<>();

  /**
   * Whether {@code request} goes as a repeat: the core marked it so, or it is a reversal this
   * transport sent before. Records the reversal as sent.
   */
  boolean isRepeat(TransportRequest request) {
    if (request.repeat()) {
      return true;
    }
    if (request.type() != RequestType.REVERSAL) {
      return false;
    }
    synchronized (sent) {
      if (!sent.add(request.operationId())) {
        return true;
      }
      if (sent.size() > REMEMBERED) {
        Iterator<String> eldest = sent.iterator();
        eldest.next();
        eldest.remove();
      }
      return false;
    }
  }
}
