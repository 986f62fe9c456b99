package io.escrowkit.iso8583;

import io.escrowkit.iso8583.internal.Bitmaps;
import io.escrowkit.iso8583.internal.FieldCodec;
import io.escrowkit.iso8583.internal.Scratch;
import java.util.NoSuchElementException;

/**
 * The index behind {@link DecodedMessage}: bitmap words and, per set bit in order, the value's
 * offset, wire length and length in units. A field's slot is the number of set bits before it.
 */
abstract class DecodedFields {

  private static final int[] NO_INDEX = new int[0];

  IsoSpec spec;
  byte[] buf;
  int start;
  int end;
  int tpduOffset;
  int headerOffset;
  int mtiOffset;
  int mti;
  final long[] bitmap = new long[3];
  int words;
  int dataFields;
  int[] index = NO_INDEX;
  boolean valid;
  final Scratch scratch = new Scratch();

  final void reset(IsoSpec newSpec, byte[] newBuf, int newStart, int newEnd) {
    this.spec = newSpec;
    this.buf = newBuf;
    this.start = newStart;
    this.end = newEnd;
    this.tpduOffset = -1;
    this.headerOffset = -1;
    this.bitmap[0] = 0;
    this.bitmap[1] = 0;
    this.bitmap[2] = 0;
    this.words = 0;
    this.dataFields = 0;
    this.valid = false;
  }

  /** The index, grown to exactly {@code slots} triples if it is smaller (reused views keep it). */
  final int[] ensureIndex(int slots) {
    if (index.length < 3 * slots) {
      index = new int[3 * slots];
    }
    return index;
  }

  final void check() {
    if (!valid) {
      throw new IllegalStateException("no message: the last decode into this view failed");
    }
  }

  /** Whether a data element is present. */
  public final boolean has(int field) {
    check();
    if (field < 2 || field > 64 * words || isIndicator(field)) {
      return false;
    }
    return (bitmap[(field - 1) >>> 6] & Bitmaps.bit(field)) != 0;
  }

  private boolean isIndicator(int field) {
    return field == 1 || (field == 65 && spec.maxBitmaps() == 3);
  }

  /** The number of data elements present. */
  public final int fieldCount() {
    check();
    return dataFields;
  }

  /**
   * The first present data element above {@code after}, or -1; iterate without allocating with
   * {@code for (int f = m.nextField(0); f > 0; f = m.nextField(f))}.
   */
  public final int nextField(int after) {
    check();
    for (int f = Math.max(after + 1, 2); f <= 64 * words; ) {
      int w = (f - 1) >>> 6;
      long rest = bitmap[w] & (-1L >>> ((f - 1) & 63));
      if (rest == 0) {
        f = 64 * (w + 1) + 1;
        continue;
      }
      int found = 64 * w + Long.numberOfLeadingZeros(rest) + 1;
      if (!isIndicator(found)) {
        return found;
      }
      f = found + 1;
    }
    return -1;
  }

  /** The present data element numbers, ascending. */
  public final int[] fields() {
    int[] out = new int[fieldCount()];
    int i = 0;
    for (int f = nextField(0); f > 0; f = nextField(f)) {
      out[i++] = f;
    }
    return out;
  }

  /** The index of the first decoded byte in the array. */
  public final int start() {
    check();
    return start;
  }

  /** The number of decoded bytes. */
  public final int length() {
    check();
    return end - start;
  }

  /** The array index of the MTI's first byte (where a MAC's input usually starts). */
  public final int mtiOffset() {
    check();
    return mtiOffset;
  }

  /** The array index of a field's first byte, its length prefix included. */
  public final int fieldOffset(int field) {
    return index[slot(field)] - codec(field).prefixLength();
  }

  /** The array index of a field's value, after its length prefix. */
  public final int valueOffset(int field) {
    return index[slot(field)];
  }

  /** The number of bytes of a field's value on the wire. */
  public final int valueLength(int field) {
    return index[slot(field) + 1];
  }

  final FieldCodec codec(int field) {
    return spec.codec(field);
  }

  /** The index position of a present field's triple. */
  final int slot(int field) {
    if (!has(field)) {
      throw new NoSuchElementException("field " + field + " is absent");
    }
    int w = (field - 1) >>> 6;
    int p = (field - 1) & 63;
    int rank = p == 0 ? 0 : Long.bitCount(bitmap[w] >>> (64 - p));
    for (int i = 0; i < w; i++) {
      rank += Long.bitCount(bitmap[i]);
    }
    return 3 * rank;
  }
}
