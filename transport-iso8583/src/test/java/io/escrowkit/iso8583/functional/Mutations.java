package io.escrowkit.iso8583.functional;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Ways to damage a valid encoded message, chosen at random. */
final class Mutations {

  private static final byte[][] EXTREME_LENGTHS = {
    {(byte) 0xFF, (byte) 0xFF},
    {(byte) 0x99, (byte) 0x99},
    {'9', '9', '9', '9'},
    {(byte) 0xF9, (byte) 0xF9, (byte) 0xF9},
    {0, 0},
    {(byte) 0x80, 0},
    {'-', '1'}
  };

  private Mutations() {}

  /**
   * Applies one to three mutations.
   *
   * @param lengthOffsets where the valid message's length prefixes are
   * @param bitmapOffset where its primary bitmap starts
   */
  static byte[] mutate(byte[] valid, Random rnd, List<Integer> lengthOffsets, int bitmapOffset) {
    byte[] b = valid;
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      b = once(b, rnd, lengthOffsets, bitmapOffset);
    }
    return b;
  }

  private static byte[] once(byte[] in, Random rnd, List<Integer> lengths, int bitmap) {
    if (in.length == 0) {
      return new byte[] {(byte) rnd.nextInt()};
    }
    byte[] b = in.clone();
    switch (rnd.nextInt(8)) {
      case 0:
        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt();
        return b;
      case 1:
        b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        return b;
      case 2:
        return Arrays.copyOf(b, rnd.nextInt(b.length));
      case 3:
        return insert(b, rnd);
      case 4:
        return delete(b, rnd);
      case 5:
        if (!lengths.isEmpty()) {
          int at = lengths.get(rnd.nextInt(lengths.size()));
          byte[] v = EXTREME_LENGTHS[rnd.nextInt(EXTREME_LENGTHS.length)];
          for (int i = 0; i < v.length && at + i < b.length; i++) {
            b[at + i] = rnd.nextBoolean() ? v[i] : (byte) rnd.nextInt();
          }
        }
        return b;
      case 6:
        int at = Math.min(b.length - 1, bitmap + rnd.nextInt(16));
        b[at] = (byte) (rnd.nextBoolean() ? b[at] | 1 << rnd.nextInt(8) : rnd.nextInt());
        return b;
      default:
        int from = rnd.nextInt(b.length);
        int len = 1 + rnd.nextInt(Math.min(32, b.length - from));
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, from + len);
        System.arraycopy(b, from, out, from + len, b.length - from);
        return out;
    }
  }

  private static byte[] insert(byte[] b, Random rnd) {
    int at = rnd.nextInt(b.length + 1);
    int len = 1 + rnd.nextInt(8);
    byte[] out = new byte[b.length + len];
    System.arraycopy(b, 0, out, 0, at);
    for (int i = 0; i < len; i++) {
      out[at + i] = (byte) rnd.nextInt();
    }
    System.arraycopy(b, at, out, at + len, b.length - at);
    return out;
  }

  private static byte[] delete(byte[] b, Random rnd) {
    int at = rnd.nextInt(b.length);
    int len = 1 + rnd.nextInt(Math.min(8, b.length - at));
    byte[] out = new byte[b.length - len];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + len, out, at, b.length - at - len);
    return out;
  }
}
