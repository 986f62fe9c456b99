package io.escrowkit.iso8583.tlv;

import io.escrowkit.iso8583.IsoException;
import io.escrowkit.iso8583.IsoFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parses BER-TLV (EMV field 55) strictly, for untrusted input: tags up to 4 bytes, definite lengths
 * up to 4 length bytes, constructed objects parsed recursively up to a depth limit, a limit on the
 * number of objects, and every declared length checked against the bytes that remain before
 * anything is allocated. {@code 00} bytes between objects are skipped, as EMV Book 3 Annex B
 * allows. A private-class constructed object whose value is not a run of data objects (a
 * proprietary tag used for plain bytes) is kept as a value without children. Errors are {@link
 * IsoFormatException} with the offset counted from the first byte given.
 *
 * <p>Immutable and threadsafe.
 */
public final class TlvParser {

  /** Default nesting limit; EMV templates nest two or three deep. */
  public static final int DEFAULT_MAX_DEPTH = 8;

  /** Default limit on the number of data objects in one parse. */
  public static final int DEFAULT_MAX_OBJECTS = 1024;

  private static final TlvParser DEFAULT = new TlvParser(DEFAULT_MAX_DEPTH, DEFAULT_MAX_OBJECTS);

  private final int maxDepth;
  private final int maxObjects;

  private TlvParser(int maxDepth, int maxObjects) {
    this.maxDepth = maxDepth;
    this.maxObjects = maxObjects;
  }

  /** A parser with the default limits. */
  public static TlvParser withDefaults() {
    return DEFAULT;
  }

  /** A parser with the given nesting and object-count limits. */
  public static TlvParser withLimits(int maxDepth, int maxObjects) {
    if (maxDepth < 1 || maxObjects < 1) {
      throw new IllegalArgumentException("limits must be at least 1");
    }
    return new TlvParser(maxDepth, maxObjects);
  }

  /** Parses a whole array. */
  public List<Tlv> parse(byte[] data) {
    return parse(data, 0, data.length);
  }

  /** Parses {@code length} bytes from {@code offset}. */
  public List<Tlv> parse(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IndexOutOfBoundsException(
          "range " + offset + "+" + length + " outside an array of " + data.length);
    }
    return new Run(data, offset).level(offset, offset + length, 1);
  }

  /** One parse: the input and the running object count. */
  private final class Run {
    private final byte[] b;
    private final int base;
    private int objects;
    private boolean limitPassed;

    Run(byte[] b, int base) {
      this.b = b;
      this.base = base;
    }

    private IsoFormatException error(int at, String reason) {
      return new IsoFormatException(IsoException.NO_FIELD, at - base, reason);
    }

    /** A limit passed: refused outright, never taken for a proprietary value. */
    private IsoFormatException beyondLimit(int at, String reason) {
      limitPassed = true;
      return error(at, reason);
    }

    List<Tlv> level(int from, int end, int depth) {
      List<Tlv> out = new ArrayList<>();
      int pos = from;
      while (pos < end) {
        if (b[pos] == 0) {
          pos++;
          continue;
        }
        int tagStart = pos;
        int tag = b[pos++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
          int bytes = 1;
          int next;
          do {
            if (pos >= end) {
              throw error(tagStart, "truncated: the tag's following bytes are missing");
            }
            if (++bytes > 4) {
              throw error(tagStart, "tag longer than 4 bytes");
            }
            next = b[pos++] & 0xFF;
            tag = tag << 8 | next;
          } while ((next & 0x80) != 0);
        }
        int length = readLength(pos, end, tagStart, tag);
        pos += (b[pos] & 0x80) == 0 ? 1 : 1 + (b[pos] & 0x7F);
        if (length > end - pos) {
          throw error(
              tagStart,
              "tag "
                  + Tags.hex(tag)
                  + " declares "
                  + length
                  + " bytes, "
                  + (end - pos)
                  + " remain");
        }
        if (++objects > maxObjects) {
          throw beyondLimit(tagStart, "more than " + maxObjects + " data objects");
        }
        out.add(object(tag, pos, length, depth, tagStart));
        pos += length;
      }
      return Collections.unmodifiableList(out);
    }

    private Tlv object(int tag, int pos, int length, int depth, int tagStart) {
      byte[] value = new byte[length];
      System.arraycopy(b, pos, value, 0, length);
      if (!Tags.isConstructed(tag)) {
        return Tlv.of(tag, value);
      }
      if (depth >= maxDepth) {
        throw beyondLimit(tagStart, "constructed objects nested deeper than " + maxDepth);
      }
      int countedBefore = objects;
      try {
        return new Tlv(tag, value, level(pos, pos + length, depth + 1));
      } catch (IsoFormatException notDataObjects) {
        if (limitPassed || !Tags.isPrivateClass(tag)) {
          throw notDataObjects; // EMV's own templates (70, 77, 71, 72, ...) are refused as before
        }
        // Private-class tags whose first byte reads as constructed (UnionPay's e-signature FF00,
        // FF01, ...) often hold plain bytes: kept whole, as a value without children.
        objects = countedBefore;
        return Tlv.of(tag, value);
      }
    }

    private int readLength(int pos, int end, int tagStart, int tag) {
      if (pos >= end) {
        throw error(tagStart, "truncated: tag " + Tags.hex(tag) + " has no length");
      }
      int first = b[pos] & 0xFF;
      if (first < 0x80) {
        return first;
      }
      if (first == 0x80) {
        throw error(pos, "indefinite length is not allowed");
      }
      int n = first & 0x7F;
      if (n > 4) {
        throw error(pos, "tag " + Tags.hex(tag) + "'s length takes " + n
            + " bytes; at most 4 are supported");
      }
      if (end - pos - 1 < n) {
        throw error(pos, "truncated: the length needs " + n + " more bytes");
      }
      long length = 0;
      for (int i = 1; i <= n; i++) {
        length = length << 8 | (b[pos + i] & 0xFF);
      }
      if (length > Integer.MAX_VALUE) {
        throw error(pos, "length " + length + " is too large");
      }
      return (int) length;
    }
  }
}
