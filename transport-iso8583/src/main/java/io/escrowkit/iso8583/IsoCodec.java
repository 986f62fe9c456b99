package io.escrowkit.iso8583;

import io.escrowkit.iso8583.internal.Bitmaps;
import io.escrowkit.iso8583.internal.Mti;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encodes {@link IsoMessage}s and decodes bytes into {@link DecodedMessage}s for one {@link
 * IsoSpec}. Immutable and threadsafe: share one instance per spec.
 *
 * <p>Encoding writes into a caller-supplied buffer and allocates nothing. Decoding indexes the
 * input without copying it; values are materialized when read. Decoding untrusted bytes throws only
 * {@link IsoFormatException} (field, offset, reason), never an index or number-format error.
 */
public final class IsoCodec {

  private final IsoSpec spec;

  private IsoCodec(IsoSpec spec) {
    this.spec = spec;
  }

  /** A codec for a spec. */
  public static IsoCodec of(IsoSpec spec) {
    return new IsoCodec(Objects.requireNonNull(spec, "spec"));
  }

  /** The spec this codec reads and writes. */
  public IsoSpec spec() {
    return spec;
  }

  // ------------------------------------------------------------------------------ encoding

  /**
   * Encodes a message at {@code offset}: TPDU, header, MTI, bitmaps, fields.
   *
   * @return the number of bytes written, {@link IsoMessage#encodedLength()}
   * @throws IndexOutOfBoundsException if the buffer is too small (nothing is written then)
   * @throws IllegalArgumentException if the message was built for another spec
   */
  public int encode(IsoMessage message, byte[] out, int offset) {
    checkSpec(message);
    int n = message.encodedLength();
    checkRoom(out.length, offset, n);
    int at = offset;
    byte[] tpdu = message.tpduArray();
    System.arraycopy(tpdu, 0, out, at, tpdu.length);
    at += tpdu.length;
    byte[] header = message.headerArray();
    System.arraycopy(header, 0, out, at, header.length);
    at += header.length;
    at = Mti.write(message.mti(), spec.mtiEncoding(), out, at);
    for (long word : message.bitmapWords()) {
      at = Bitmaps.write(word, spec.bitmapEncoding(), out, at);
    }
    return message.writeFields(out, at) - offset;
  }

  /**
   * Encodes a message behind a transport length prefix.
   *
   * @return the number of bytes written, prefix included
   */
  public int encode(IsoMessage message, LengthPrefix prefix, byte[] out, int offset) {
    checkSpec(message);
    int n = message.encodedLength();
    checkRoom(out.length, offset, prefix.size() + n);
    int at = prefix.write(n, out, offset);
    return at - offset + encode(message, out, at);
  }

  /**
   * Encodes a message at a buffer's position and advances it. Heap buffers are written in place; a
   * direct buffer gets a copy through a temporary array.
   *
   * @return the number of bytes written
   */
  public int encode(IsoMessage message, ByteBuffer out) {
    int n = message.encodedLength();
    if (out.remaining() < n) {
      throw new IndexOutOfBoundsException(
          "the message needs " + n + " bytes, the buffer has " + out.remaining() + " remaining");
    }
    if (out.hasArray()) {
      encode(message, out.array(), out.arrayOffset() + out.position());
      ((Buffer) out).position(out.position() + n);
    } else {
      out.put(encode(message));
    }
    return n;
  }

  /** Encodes a message into a new array. */
  public byte[] encode(IsoMessage message) {
    byte[] out = new byte[message.encodedLength()];
    encode(message, out, 0);
    return out;
  }

  /** Encodes a message behind a transport length prefix into a new array. */
  public byte[] encode(IsoMessage message, LengthPrefix prefix) {
    byte[] out = new byte[prefix.size() + message.encodedLength()];
    encode(message, prefix, out, 0);
    return out;
  }

  private void checkSpec(IsoMessage message) {
    if (message.spec() != spec && !message.spec().equals(spec)) {
      throw new IllegalArgumentException(
          "the message was built for spec '"
              + message.spec().name()
              + "', this codec is for '"
              + spec.name()
              + "'");
    }
  }

  private static void checkRoom(int capacity, int offset, int needed) {
    if (offset < 0 || offset > capacity || capacity - offset < needed) {
      throw new IndexOutOfBoundsException(
          "the message needs "
              + needed
              + " bytes at offset "
              + offset
              + ", the buffer holds "
              + capacity);
    }
  }

  // ------------------------------------------------------------------------------ decoding

  /** Decodes a whole array. */
  public DecodedMessage decode(byte[] in) {
    return decode(in, 0, in.length);
  }

  /** Decodes {@code length} bytes from {@code offset}; the view reads {@code in} in place. */
  public DecodedMessage decode(byte[] in, int offset, int length) {
    return decode(in, offset, length, new DecodedMessage());
  }

  /**
   * Decodes into a reusable view, allocating nothing once the view has seen a message with as many
   * fields.
   *
   * @return {@code into}
   */
  public DecodedMessage decode(byte[] in, int offset, int length, DecodedMessage into) {
    MessageParser.parse(spec, in, offset, length, into);
    return into;
  }

  /**
   * Decodes a buffer's remaining bytes without moving its position. A heap buffer is read in place;
   * a direct buffer is copied first.
   */
  public DecodedMessage decode(ByteBuffer in) {
    if (in.hasArray()) {
      return decode(in.array(), in.arrayOffset() + in.position(), in.remaining());
    }
    byte[] copy = new byte[in.remaining()];
    in.duplicate().get(copy);
    return decode(copy);
  }

  /**
   * Decodes one message that starts with a transport length prefix, checking that the prefix
   * matches the bytes given.
   */
  public DecodedMessage decode(byte[] in, int offset, int length, LengthPrefix prefix) {
    if (offset < 0 || length < 0 || offset > in.length - length) {
      throw new IndexOutOfBoundsException(
          "range " + offset + "+" + length + " outside an array of " + in.length);
    }
    if (prefix == LengthPrefix.NONE) {
      return decode(in, offset, length);
    }
    if (length < prefix.size()) {
      throw new IsoFormatException(
          IsoException.LENGTH_PREFIX,
          0,
          "truncated: the prefix needs " + prefix.size() + " bytes, " + length + " given");
    }
    int body = prefix.read(in, offset);
    if (body != length - prefix.size()) {
      throw new IsoFormatException(
          IsoException.LENGTH_PREFIX,
          0,
          "the prefix announces " + body + " bytes, " + (length - prefix.size()) + " follow");
    }
    try {
      return decode(in, offset + prefix.size(), body);
    } catch (IsoFormatException e) {
      throw e.relocate(e.field(), prefix.size());
    }
  }
}
