package io.escrowkit.iso8583.tlv;

/** BER definite lengths: one byte below 128, else 81 to 84 followed by 1 to 4 length bytes. */
final class Lengths {

  private Lengths() {}

  static int size(int length) {
    if (length < 0x80) {
      return 1;
    }
    if (length <= 0xFF) {
      return 2;
    }
    if (length <= 0xFFFF) {
      return 3;
    }
    return length <= 0xFFFFFF ? 4 : 5;
  }

  static int write(int length, byte[] out, int off) {
    int n = size(length);
    if (n == 1) {
      out[off] = (byte) length;
      return off + 1;
    }
    out[off] = (byte) (0x80 | (n - 1));
    for (int i = 1; i < n; i++) {
      out[off + i] = (byte) (length >>> (8 * (n - 1 - i)));
    }
    return off + n;
  }
}
