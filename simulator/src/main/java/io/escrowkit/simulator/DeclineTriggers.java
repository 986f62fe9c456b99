package io.escrowkit.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Amount-based triggers: a pre-authorization or completion request whose amount ends in these minor
 * units (the "cents", amount mod 100) is answered with this response code. Every other ending is
 * approved, subject to the card's balance. {@code .11} approves with condition code 11 (VIP
 * approval) and books the request as approved. Stateless and threadsafe.
 *
 * <pre>
 * .01 → 01 refer to card issuer      .54 → 54 expired card
 * .05 → 05 do not honour             .55 → 55 incorrect PIN
 * .11 → 11 approved (VIP)            .57 → 57 not permitted to cardholder
 * .14 → 14 invalid card number       .61 → 61 exceeds amount limit
 * .41 → 41 lost card                 .62 → 62 restricted card
 * .43 → 43 stolen card               .65 → 65 exceeds frequency limit
 * .51 → 51 insufficient funds        .75 → 75 PIN tries exceeded
 * .91 → 91 issuer unavailable        .96 → 96 system malfunction
 * </pre>
 */
public final class DeclineTriggers {

  private static final Map<Integer, String> TABLE;

  static {
    Map<Integer, String> t = new LinkedHashMap<>();
    for (int cents : new int[] {1, 5, 11, 14, 41, 43, 51, 54, 55, 57, 61, 62, 65, 75, 91, 96}) {
      t.put(cents, (cents < 10 ? "0" : "") + cents);
    }
    TABLE = Collections.unmodifiableMap(t);
  }

  private DeclineTriggers() {}

  /** The table: minor-unit ending to response code. */
  public static Map<Integer, String> table() {
    return TABLE;
  }

  /** The response code an amount triggers, if any. */
  public static Optional<String> codeFor(long minorUnits) {
    return Optional.ofNullable(TABLE.get((int) Math.floorMod(minorUnits, 100L)));
  }
}
