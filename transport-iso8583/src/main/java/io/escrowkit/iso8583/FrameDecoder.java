package io.escrowkit.iso8583;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits a byte stream into messages by their length prefix, as Netty's {@code
 * LengthFieldBasedFrameDecoder} does: it peeks at the prefix without consuming, takes only a
 * complete frame, slices rather than copies, and refuses a frame longer than the maximum before
 * waiting for its bytes (a peer announcing 60 KB cannot make the caller buffer 60 KB).
 *
 * <p>With {@link LengthPrefix#NONE} every non-empty input is one frame. Immutable and threadsafe
 * (it keeps no state between calls; the caller owns the buffer).
 */
public final class FrameDecoder {

  private final LengthPrefix prefix;
  private final int maxFrameLength;

  /**
   * @param prefix the length prefix in front of each message
   * @param maxFrameLength the largest message body accepted, in bytes
   */
  public FrameDecoder(LengthPrefix prefix, int maxFrameLength) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    if (maxFrameLength < 1) {
      throw new IllegalArgumentException("maxFrameLength must be positive");
    }
    this.maxFrameLength = maxFrameLength;
  }

  /** The prefix this decoder reads. */
  public LengthPrefix prefix() {
    return prefix;
  }

  /**
   * The size of the first complete frame (prefix included) in {@code available} bytes from {@code
   * off}, or -1 if more bytes are needed.
   *
   * @throws IsoFormatException if the announced length exceeds the maximum or is not a number; the
   *     stream cannot be resynchronized after that
   */
  public int frameLength(byte[] in, int off, int available) {
    if (available <= 0 || available < prefix.size()) {
      return -1;
    }
    int body = prefix == LengthPrefix.NONE ? available : prefix.read(in, off);
    checkMax(body);
    int total = prefix.size() + body;
    return available >= total ? total : -1;
  }

  /**
   * Takes the next complete frame's body (without its prefix) as a slice sharing {@code in}'s
   * content, advancing {@code in}'s position past the frame; empty if more bytes are needed.
   */
  public Optional<ByteBuffer> next(ByteBuffer in) {
    int available = in.remaining();
    if (available == 0 || available < prefix.size()) {
      return Optional.empty();
    }
    int body = available;
    if (prefix != LengthPrefix.NONE) {
      byte[] head = new byte[prefix.size()];
      in.duplicate().get(head);
      body = prefix.read(head, 0);
    }
    checkMax(body);
    int total = prefix.size() + body;
    if (available < total) {
      return Optional.empty();
    }
    ByteBuffer dup = in.duplicate();
    int bodyStart = in.position() + prefix.size();
    ((Buffer) dup).position(bodyStart);
    ((Buffer) dup).limit(bodyStart + body);
    ((Buffer) in).position(in.position() + total);
    return Optional.of(dup.slice());
  }

  private void checkMax(int body) {
    if (body > maxFrameLength) {
      throw new IsoFormatException(
          IsoException.LENGTH_PREFIX,
          0,
          "frame of " + body + " bytes exceeds the maximum " + maxFrameLength);
    }
  }
}
