package io.escrowkit.iso8583.tlv;

/** BER tag rules: 1 to 4 bytes, multi-byte when the low 5 bits of the first byte are all set. */
final class Tags {

  private Tags() {}

  /** The number of bytes of a tag held as an int. */
  static int size(int tag) {
    if ((tag & 0xFF000000) != 0) {
      return 4;
    }
    if ((tag & 0xFF0000) != 0) {
      return 3;
    }
    return (tag & 0xFF00) != 0 ? 2 : 1;
  }

  private static int firstByte(int tag) {
    return (tag >>> (8 * (size(tag) - 1))) & 0xFF;
  }

  static boolean isConstructed(int tag) {
    return (firstByte(tag) & 0x20) != 0;
  }

  /** Private class (the first byte's two high bits set): tags a scheme or vendor defines. */
  static boolean isPrivateClass(int tag) {
    return (firstByte(tag) & 0xC0) == 0xC0;
  }

  static String hex(int tag) {
    String s = Integer.toHexString(tag).toUpperCase(java.util.Locale.ROOT);
    return (s.length() & 1) == 0 ? s : "0" + s;
  }

  /** Throws if the int is not a well-formed BER tag. */
  static void check(int tag) {
    int n = size(tag);
    int first = firstByte(tag);
    if (tag == 0 || first == 0) {
      throw new IllegalArgumentException("tag 00 is not a tag (it is EMV padding)");
    }
    boolean multi = (first & 0x1F) == 0x1F;
    if (!multi && n > 1) {
      throw new IllegalArgumentException(
          "tag " + hex(tag) + ": a first byte without low bits 11111 makes a 1-byte tag");
    }
    if (multi && n == 1) {
      throw new IllegalArgumentException("tag " + hex(tag) + ": a following byte is missing");
    }
    for (int i = n - 2; i >= 0; i--) {
      int b = (tag >>> (8 * i)) & 0xFF;
      boolean last = i == 0;
      if (last == ((b & 0x80) != 0)) {
        throw new IllegalArgumentException(
            "tag " + hex(tag) + ": only the last tag byte has bit 8 clear");
      }
    }
  }

  static int write(int tag, byte[] out, int off) {
    int n = size(tag);
    for (int i = 0; i < n; i++) {
      out[off + i] = (byte) (tag >>> (8 * (n - 1 - i)));
    }
    return off + n;
  }
}
