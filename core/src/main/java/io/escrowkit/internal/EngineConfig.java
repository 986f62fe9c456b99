package io.escrowkit.internal;

import io.escrowkit.SchemeProfile;
import io.escrowkit.spi.TraceBlock;
import java.time.Duration;
import java.util.Objects;

/**
 * The client's settings, fixed at build time. Immutable.
 *
 * @param merchantId merchant id sent with every request
 * @param terminalId terminal id sent with every request; trace numbers are counted per terminal
 * @param profile the scheme's escrow rules
 * @param requestTimeout how long a request may wait for its answer before it is in doubt
 * @param deadlineGrace how much longer the client waits for a transport that missed its deadline
 * @param reversalBackoff spacing of reversal retries
 * @param recoveryInterval how often the background sweep looks for owed work and lapsed holds
 * @param traceBlock how many trace numbers the client draws from the journal at a time (1 to
 *     1000)
 */
public record EngineConfig(
    String merchantId,
    String terminalId,
    SchemeProfile profile,
    Duration requestTimeout,
    Duration deadlineGrace,
    Backoff reversalBackoff,
    Duration recoveryInterval,
    int traceBlock) {

  public EngineConfig {
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(terminalId, "terminalId");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(deadlineGrace, "deadlineGrace");
    Objects.requireNonNull(reversalBackoff, "reversalBackoff");
    Objects.requireNonNull(recoveryInterval, "recoveryInterval");
    TraceBlock.checkCount(traceBlock);
  }

  /** How long a claimed piece of work stays ours before another client may take it over. */
  public Duration workLease() {
    return requestTimeout.plus(deadlineGrace).multipliedBy(2);
  }

  /** A pending request older than this has outlived its own deadline: its sender is gone. */
  public Duration orphanAge() {
    return requestTimeout.plus(deadlineGrace).multipliedBy(2);
  }
}
