package io.escrowkit.iso8583.internal;

/**
 * A reusable byte buffer for building strings while decoding, so reading a BCD or hex field costs
 * the String and nothing more. Not threadsafe: one per {@code DecodedMessage}.
 */
public final class Scratch {

  private static final byte[] NONE = new byte[0];

  private byte[] bytes = NONE;

  /** A buffer of at least {@code n} bytes (contents undefined). */
  public byte[] bytes(int n) {
    if (bytes.length < n) {
      bytes = new byte[Math.max(n, 64)];
    }
    return bytes;
  }
}
