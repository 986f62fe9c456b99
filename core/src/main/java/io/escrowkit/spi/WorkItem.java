package io.escrowkit.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Work owed to the host and kept until acknowledged: a reversal of an in-doubt request, (with
 * store-and-forward) an advice, or the cancel of what a final capture left of a hold. Immutable.
 *
 * @param id unique id
 * @param kind what to send
 * @param escrowId the escrow it belongs to
 * @param operationId the request it concerns (the one to reverse, forward, or the final capture
 *     whose remainder to release)
 * @param reasonCode for a reversal, its reason code (field 39)
 * @param attempts how many sends were tried
 * @param notBefore when it is due next
 * @param createdAt when it was queued
 */
public record WorkItem(
    String id,
    Kind kind,
    String escrowId,
    String operationId,
    String reasonCode,
    int attempts,
    Instant notBefore,
    Instant createdAt) {

  /** The kinds of owed work. */
  public enum Kind {
    REVERSAL,
    ADVICE,
    /**
     * A cancel (pre-authorization cancel) of what a final capture left of the hold, owed when the
     * transport cannot mark a capture as the last one; never reversed, sent again with a new trace
     * until the host answers.
     */
    RELEASE_REMAINDER,
    /**
     * The completion advice of a capture approved offline ({@code operationId} is the capture's);
     * the escrow already counts the capture, as its last one, and takes no other operation until
     * the host acknowledges the advice.
     */
    COMPLETION_ADVICE
  }

  public WorkItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(escrowId, "escrowId");
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(createdAt, "createdAt");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative: " + attempts);
    }
  }
}
