package io.escrowkit.iso8583.internal;

/**
 * A text value with its bytes, encoded once when the value is set: the charset's bytes of text in a
 * multi-byte charset such as GBK, the ASCII characters of a value packed as BCD. Writing it
 * allocates nothing and reads no String.
 */
final class EncodedText {

  final String text;
  final byte[] bytes;

  EncodedText(String text, byte[] bytes) {
    this.text = text;
    this.bytes = bytes;
  }

  @Override
  public String toString() {
    return text;
  }
}
