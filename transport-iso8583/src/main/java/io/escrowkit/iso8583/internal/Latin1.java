package io.escrowkit.iso8583.internal;

/**
 * Strings from single-byte text without a charset decoder.
 *
 * <p>Stateless and threadsafe.
 */
final class Latin1 {

  private Latin1() {}

  /**
   * The ISO-8859-1 reading of {@code len} bytes (each byte one char U+0000..U+00FF). The
   * constructor used is deprecated because it ignores charsets, which is exactly what Latin-1 is:
   * with compact strings it is a single array copy, with no decoder or charset lookup on the way.
   */
  @SuppressWarnings("deprecation")
  static String string(byte[] b, int off, int len) {
    return new String(b, 0, off, len);
  }
}
