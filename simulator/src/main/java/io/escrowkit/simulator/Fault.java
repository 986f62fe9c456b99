package io.escrowkit.simulator;

import java.util.Locale;

/**
 * A network fault the simulator injects into its answer to one request. Apart from {@link
 * #REQUEST_LOST}, the request is processed and the books changed as usual: only the answer goes
 * wrong, which is what leaves a client in doubt. Immutable and threadsafe.
 */
public enum Fault {
  /** The answer is sent after {@link Faults#delay()} (default 250 ms). */
  DELAY("delay"),
  /** The request is processed but never answered. */
  NO_RESPONSE("no-response"),
  /** The answer is sent after {@link Faults#lateBy()} (default 10 s), past a client's deadline. */
  LATE_RESPONSE("late"),
  /** Half of the answer's frame is written, then the connection is reset (RST). */
  RESET_MID_FRAME("reset"),
  /** A well-framed body of bytes that is no message is sent instead of the answer. */
  GARBAGE("garbage"),
  /** The answer is sent twice. */
  DUPLICATE_RESPONSE("duplicate"),
  /** The answer carries a MAC that does not verify (one is added if it would carry none). */
  WRONG_MAC("wrong-mac"),
  /** The request is dropped unread: not processed, not answered. */
  REQUEST_LOST("drop-request");

  private final String cliName;

  Fault(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line, e.g. {@code no-response}. */
  public String cliName() {
    return cliName;
  }

  /**
   * A fault by its command-line name or constant name, case-insensitive ({@code wrong-mac}, {@code
   * WRONG_MAC}).
   *
   * @throws IllegalArgumentException listing the accepted names
   */
  public static Fault forName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    StringBuilder known = new StringBuilder();
    for (Fault f : values()) {
      if (f.cliName.equals(wanted) || f.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return f;
      }
      known.append(known.length() == 0 ? "" : ", ").append(f.cliName);
    }
    throw new IllegalArgumentException("fault '" + name + "' is not one of " + known);
  }
}
