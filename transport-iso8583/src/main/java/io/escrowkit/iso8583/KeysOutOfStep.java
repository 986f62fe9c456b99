package io.escrowkit.iso8583;

import io.escrowkit.iso8583.channel.IsoChannel;
import io.escrowkit.iso8583.channel.Outgoing;
import io.escrowkit.spi.TransportOutcome;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs on again when the host says the terminal's keys or batch are out of step with its own:
 * UnionPay hosts answer A0 (MAC verification failed) when their working keys changed, for example
 * at a key change or cutover, and 77 when the batch no longer matches. The sign-on brings new keys
 * and the batch; the request that was refused is the client's to retry, the next ones go out
 * signed for the new session. An answer whose MAC fails here is not taken as a sign of it: a
 * corrupted answer is reversed as in doubt, and keys truly out of step show in the host's A0 to
 * the next request. Only an answer to a request signed for the current session counts (one
 * signed before the latest sign-on proves nothing about its keys), and at most one sign-on per
 * {@value #MIN_INTERVAL_SECONDS} s, so a host that refuses the new keys too is not asked in a loop.
 * Threadsafe.
 */
final class KeysOutOfStep {
  private static final Logger log = LoggerFactory.getLogger(KeysOutOfStep.class);
  private static final Set<String> CODES = Set.of("A0", "77");
  static final long MIN_INTERVAL_SECONDS = 60;
  private static final long MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(MIN_INTERVAL_SECONDS);

  private final IsoChannel channel;
  private final Supplier<CompletableFuture<?>> afterAnswersRead;
  private final AtomicLong lastAskedNanos = new AtomicLong(System.nanoTime() - MIN_INTERVAL_NANOS);
  /** The sign-on asked for ({@link #lastAskedNanos}) whose later refusals were warned about. */
  private final AtomicLong warnedFor = new AtomicLong();

  /**
   * @param afterAnswersRead completes once the answers the channel delivered so far have been
   *     read, their MACs checked with the keys they were sent under: the sign-on waits for it
   */
  KeysOutOfStep(IsoChannel channel, Supplier<CompletableFuture<?>> afterAnswersRead) {
    this.channel = channel;
    this.afterAnswersRead = afterAnswersRead;
  }

  /** Signs on again if {@code outcome}, the answer to {@code sent}, says keys are out of step. */
  void check(Outgoing sent, TransportOutcome outcome) {
    Optional<String> code = outcome.responseCode().filter(CODES::contains);
    if (!code.isPresent() || sent.sessionNumber() != channel.sessionNumber()) {
      return;
    }
    long now = System.nanoTime();
    long last = lastAskedNanos.get();
    if (now - last < MIN_INTERVAL_NANOS) {
      // Once per sign-on asked for at warning level; a burst of such answers does not flood.
      boolean first = warnedFor.getAndSet(last) != last;
      String message = "the host answered {}; a sign-on again was asked for less than {} s ago,"
          + " so not again now (if this goes on, check that the terminal's master key is the"
          + " host's)";
      if (first) {
        log.warn(message, code.get(), MIN_INTERVAL_SECONDS);
      } else {
        log.debug(message, code.get(), MIN_INTERVAL_SECONDS);
      }
      return;
    }
    // Counted even when the channel does not sign on again (a reconnect's sign-on is under way,
    // or one was done since the request was built): that sign-on brings the keys as well.
    if (lastAskedNanos.compareAndSet(last, now)) {
      channel.signOnAgain("the host answered " + code.get() + ": keys or batch out of step",
          sent.sessionNumber(), afterAnswersRead);
    }
  }
}
