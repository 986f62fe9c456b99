package io.escrowkit.iso8583;

import io.escrowkit.iso8583.internal.Bitmaps;
import io.escrowkit.iso8583.internal.FieldCodec;
import io.escrowkit.iso8583.internal.Mti;

/**
 * Indexes a message: checks TPDU, header, MTI and bitmaps, then walks the fields the bitmap flags,
 * recording each value's offset, wire length and length in units. Reads every length prefix and
 * checks it against the field's maximum and the bytes that remain before moving on, so nothing is
 * ever sized by an unchecked length. Values are not materialized here.
 */
final class MessageParser {

  private MessageParser() {}

  static void parse(IsoSpec spec, byte[] b, int off, int len, DecodedMessage into) {
    if (off < 0 || len < 0 || off > b.length - len) {
      throw new IndexOutOfBoundsException(
          "range " + off + "+" + len + " outside an array of " + b.length);
    }
    into.reset(spec, b, off, off + len);
    int end = off + len;
    int pos = off;
    if (spec.hasTpdu()) {
      need(IsoException.TPDU, IsoSpec.TPDU_LENGTH, pos, end, off, "the TPDU");
      into.tpduOffset = pos;
      pos += IsoSpec.TPDU_LENGTH;
    }
    if (spec.headerLength() > 0) {
      need(IsoException.HEADER, spec.headerLength(), pos, end, off, "the header");
      into.headerOffset = pos;
      pos += spec.headerLength();
    }
    need(IsoException.MTI, spec.mtiEncoding().bytes(), pos, end, off, "the MTI");
    into.mti = Mti.read(b, pos, spec.mtiEncoding(), off);
    into.mtiOffset = pos;
    pos += spec.mtiEncoding().bytes();
    pos = readBitmaps(spec, b, pos, end, off, into);
    pos = readFields(spec, b, pos, end, off, into);
    if (pos != end) {
      throw new IsoFormatException(
          IsoException.NO_FIELD, pos - off, (end - pos) + " unexpected bytes after the last field");
    }
    into.valid = true;
  }

  private static void need(int field, int n, int pos, int end, int base, String what) {
    if (end - pos < n) {
      throw new IsoFormatException(
          field,
          pos - base,
          "truncated: " + what + " needs " + n + " bytes, " + (end - pos) + " remain");
    }
  }

  private static int readBitmaps(
      IsoSpec spec, byte[] b, int pos, int end, int base, DecodedMessage into) {
    int size = spec.bitmapEncoding().bytesPerBitmap();
    int at = pos;
    long[] words = into.bitmap;
    need(IsoException.BITMAP, size, at, end, base, "the primary bitmap");
    words[0] = Bitmaps.read(b, at, spec.bitmapEncoding(), base);
    at += size;
    into.words = 1;
    if (words[0] < 0) {
      if (spec.maxBitmaps() < 2) {
        throw new IsoFormatException(
            IsoException.BITMAP,
            pos - base,
            "bit 1 flags a secondary bitmap, spec '" + spec.name() + "' has only a primary one");
      }
      need(IsoException.BITMAP, size, at, end, base, "the secondary bitmap");
      words[1] = Bitmaps.read(b, at, spec.bitmapEncoding(), base);
      at += size;
      into.words = 2;
      if (spec.maxBitmaps() == 3 && (words[1] & Bitmaps.bit(65)) != 0) {
        need(IsoException.BITMAP, size, at, end, base, "the tertiary bitmap");
        words[2] = Bitmaps.read(b, at, spec.bitmapEncoding(), base);
        at += size;
        into.words = 3;
      }
    }
    return at;
  }

  private static int readFields(
      IsoSpec spec, byte[] b, int pos, int end, int base, DecodedMessage into) {
    int slots = 0;
    for (int w = 0; w < into.words; w++) {
      slots += Long.bitCount(into.bitmap[w]);
    }
    int[] index = into.ensureIndex(slots);
    boolean tertiary = spec.maxBitmaps() == 3;
    int slot = 0;
    int at = pos;
    for (int w = 0; w < into.words; w++) {
      long word = into.bitmap[w];
      while (word != 0) {
        int p = Long.numberOfLeadingZeros(word);
        word &= ~(Long.MIN_VALUE >>> p);
        int field = 64 * w + p + 1;
        if (field == 1 || (field == 65 && tertiary)) {
          slot++;
          continue;
        }
        FieldCodec codec = spec.codec(field);
        if (codec == null) {
          throw new IsoFormatException(
              field,
              at - base,
              "flagged in the bitmap but not defined by spec '" + spec.name() + "'");
        }
        int wire = spec.fixedWireLength(field);
        int units;
        int valueOffset;
        if (wire >= 0) {
          units = codec.spec().maxLength();
          valueOffset = at;
        } else {
          units = codec.readUnits(b, at, end, base);
          valueOffset = at + codec.prefixLength();
          wire = codec.wireLength(units);
        }
        if (wire > end - valueOffset) {
          throw new IsoFormatException(
              field,
              valueOffset - base,
              "truncated: the value needs " + wire + " bytes, " + (end - valueOffset) + " remain");
        }
        index[3 * slot] = valueOffset;
        index[3 * slot + 1] = wire;
        index[3 * slot + 2] = units;
        slot++;
        at = valueOffset + wire;
      }
    }
    into.dataFields = slots - (into.words > 1 ? 1 : 0) - (into.words > 2 ? 1 : 0);
    return at;
  }
}
