package io.escrowkit.iso8583.channel;

import io.escrowkit.iso8583.DecodedMessage;
import io.escrowkit.spi.UnknownReason;
import java.util.Objects;
import java.util.Optional;

/**
 * What came back for one request: the host's answer (its bytes and the decoded view over them), or
 * why there is none (timeout, lost connection, an answer that could not be read). A channel never
 * turns a failure into a decline. Immutable once built; the decoded view is not threadsafe and
 * belongs to whoever consumes the result.
 */
public final class ChannelResult {
  private final byte[] frame;
  private final DecodedMessage message;
  private final UnknownReason failure;
  private final String detail;

  private ChannelResult(
      byte[] frame, DecodedMessage message, UnknownReason failure, String detail) {
    this.frame = frame;
    this.message = message;
    this.failure = failure;
    this.detail = detail;
  }

  /**
   * The host's answer: {@code frame} is the message body (TPDU onwards), {@code message} its view.
   */
  public static ChannelResult answer(byte[] frame, DecodedMessage message) {
    return new ChannelResult(
        Objects.requireNonNull(frame, "frame"),
        Objects.requireNonNull(message, "message"),
        null,
        "answered " + message.mti());
  }

  /** No usable answer. */
  public static ChannelResult failure(UnknownReason reason, String detail) {
    return new ChannelResult(
        null,
        null,
        Objects.requireNonNull(reason, "reason"),
        Objects.requireNonNull(detail, "detail"));
  }

  public boolean isAnswer() {
    return message != null;
  }

  /** The decoded answer; empty for a failure. */
  public Optional<DecodedMessage> message() {
    return Optional.ofNullable(message);
  }

  /**
   * The answer's bytes from the TPDU (or MTI) on, without the length prefix; empty for a failure.
   * Not a copy: do not change it.
   */
  public Optional<byte[]> frame() {
    return Optional.ofNullable(frame);
  }

  /** Why there is no answer; empty for an answer. */
  public Optional<UnknownReason> failure() {
    return Optional.ofNullable(failure);
  }

  /** Safe-to-log words: what was answered, or what went wrong. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return "ChannelResult[" + (failure == null ? detail : failure + ": " + detail) + "]";
  }
}
