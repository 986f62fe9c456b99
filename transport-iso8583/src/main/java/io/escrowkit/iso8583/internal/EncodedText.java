package io.escrowkit.iso8583.internal;

/** A text value already encoded in a multi-byte charset, so writing it allocates nothing. */
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
