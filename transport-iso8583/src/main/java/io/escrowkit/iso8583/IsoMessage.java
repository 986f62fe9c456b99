package io.escrowkit.iso8583;

import io.escrowkit.iso8583.internal.Bitmaps;
import io.escrowkit.iso8583.internal.FieldCodec;
import io.escrowkit.iso8583.internal.Hex;
import java.util.Arrays;
import java.util.Optional;

/**
 * A message to encode: MTI, optional TPDU and header, and field values already validated against an
 * {@link IsoSpec}. Immutable and threadsafe; encoding the same message many times allocates
 * nothing. Build one with {@link #builder(IsoSpec)}:
 *
 * <pre>{@code
 * IsoMessage m = IsoMessage.builder(Specs.unionPayPos())
 *     .tpdu(TPDU).header(HEADER).mti("0100")
 *     .set(2, "6225880012345678").set(3, "030000").set(4, 1000L)
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} lists field numbers only, never values, so a message can be logged.
 */
public final class IsoMessage {

  private final IsoSpec spec;
  private final String mti;
  private final byte[] tpdu;
  private final byte[] header;
  private final int[] fields;
  private final long[] bitmap;
  private final int encodedLength;
  // In field order, for the encoder: codec, prepared value and length in units of each field.
  private final FieldCodec[] orderedCodecs;
  private final Object[] orderedValues;
  private final int[] orderedUnits;

  private IsoMessage(IsoMessageBuilder b, int[] fields, long[] bitmap) {
    this.spec = b.spec;
    this.mti = b.mti;
    this.tpdu = b.tpdu;
    this.header = b.header;
    this.fields = fields;
    this.bitmap = bitmap;
    int n = fields.length;
    this.orderedCodecs = new FieldCodec[n];
    this.orderedValues = new Object[n];
    this.orderedUnits = new int[n];
    int length =
        tpdu.length
            + header.length
            + spec.mtiEncoding().bytes()
            + bitmap.length * spec.bitmapEncoding().bytesPerBitmap();
    for (int i = 0; i < n; i++) {
      FieldCodec codec = spec.codec(fields[i]);
      Object value = b.values[fields[i]];
      orderedCodecs[i] = codec;
      orderedValues[i] = value;
      orderedUnits[i] = codec.units(value);
      length += codec.encodedLength(orderedUnits[i]);
    }
    this.encodedLength = length;
  }

  /** A copy with one field replaced or added, sharing what did not change. */
  private IsoMessage(IsoMessage from, int[] fields, long[] bitmap, FieldCodec[] codecs,
      Object[] values, int[] units, int encodedLength) {
    this.spec = from.spec;
    this.mti = from.mti;
    this.tpdu = from.tpdu;
    this.header = from.header;
    this.fields = fields;
    this.bitmap = bitmap;
    this.orderedCodecs = codecs;
    this.orderedValues = values;
    this.orderedUnits = units;
    this.encodedLength = encodedLength;
  }

  /**
   * This message with a binary field set (replaced, or added), as {@code toBuilder().set(field,
   * value).build()} gives, without a builder: what a MAC needs twice per message (a placeholder,
   * then the MAC itself).
   *
   * @throws IsoValueException if the spec does not define the field or the value does not fit it
   */
  public IsoMessage with(int field, byte[] value) {
    int at = indexOf(field);
    int words = bitmap.length;
    if (at < 0 && (field < 2 || field > 64 * words || (field == 65 && words == 3))) {
      return toBuilder().set(field, value).build(); // changes the bitmaps: the builder knows how
    }
    FieldCodec codec = spec.codec(field);
    if (codec == null) {
      return toBuilder().set(field, value).build(); // throws, naming the field
    }
    Object prepared = codec.prepare(java.util.Objects.requireNonNull(value, "value"));
    int units = codec.units(prepared);
    if (at >= 0) {
      Object[] values = orderedValues.clone();
      int[] allUnits = orderedUnits.clone();
      values[at] = prepared;
      allUnits[at] = units;
      int length =
          encodedLength - codec.encodedLength(orderedUnits[at]) + codec.encodedLength(units);
      return new IsoMessage(this, fields, bitmap, orderedCodecs, values, allUnits, length);
    }
    int insert = -at - 1;
    int n = fields.length;
    int[] newFields = new int[n + 1];
    FieldCodec[] codecs = new FieldCodec[n + 1];
    Object[] values = new Object[n + 1];
    int[] allUnits = new int[n + 1];
    System.arraycopy(fields, 0, newFields, 0, insert);
    System.arraycopy(orderedCodecs, 0, codecs, 0, insert);
    System.arraycopy(orderedValues, 0, values, 0, insert);
    System.arraycopy(orderedUnits, 0, allUnits, 0, insert);
    newFields[insert] = field;
    codecs[insert] = codec;
    values[insert] = prepared;
    allUnits[insert] = units;
    System.arraycopy(fields, insert, newFields, insert + 1, n - insert);
    System.arraycopy(orderedCodecs, insert, codecs, insert + 1, n - insert);
    System.arraycopy(orderedValues, insert, values, insert + 1, n - insert);
    System.arraycopy(orderedUnits, insert, allUnits, insert + 1, n - insert);
    long[] newBitmap = bitmap.clone();
    newBitmap[(field - 1) >>> 6] |= Bitmaps.bit(field);
    return new IsoMessage(this, newFields, newBitmap, codecs, values, allUnits,
        encodedLength + codec.encodedLength(units));
  }

  /** Starts a message for a spec. */
  public static Builder builder(IsoSpec spec) {
    return new Builder(spec);
  }

  /** A builder holding this message's content, to derive a variant (a response, a reversal). */
  public Builder toBuilder() {
    Builder b = new Builder(spec);
    b.mti = mti;
    b.tpdu = tpdu;
    b.header = header;
    for (int i = 0; i < fields.length; i++) {
      b.put(fields[i], orderedValues[i]);
    }
    return b;
  }

  /** The spec the values were validated against. */
  public IsoSpec spec() {
    return spec;
  }

  /** The message type indicator, four digits. */
  public String mti() {
    return mti;
  }

  /** A copy of the TPDU (empty if the spec has none). */
  public byte[] tpdu() {
    return tpdu.clone();
  }

  /** A copy of the header (empty if the spec has none). */
  public byte[] header() {
    return header.clone();
  }

  /** Whether a data element is present. */
  public boolean has(int field) {
    return indexOf(field) >= 0;
  }

  /** The position of a present field in field order, or a negative number. */
  private int indexOf(int field) {
    return Arrays.binarySearch(fields, field);
  }

  /** The present data element numbers, ascending. */
  public int[] fields() {
    return fields.clone();
  }

  /**
   * A field's value as text: as set for text, digits for numbers, upper-case hex for binary. Empty
   * if the field is absent.
   */
  public Optional<String> get(int field) {
    if (!has(field)) {
      return Optional.empty();
    }
    Object v = orderedValues[indexOf(field)];
    return Optional.of(v instanceof byte[] ? Hex.toHex((byte[]) v) : v.toString());
  }

  /** A copy of a binary field's value; empty if absent or not binary. */
  public Optional<byte[]> getBytes(int field) {
    int i = indexOf(field);
    return i >= 0 && orderedValues[i] instanceof byte[]
        ? Optional.of(((byte[]) orderedValues[i]).clone())
        : Optional.empty();
  }

  /** The encoded size in bytes: TPDU, header, MTI, bitmaps and fields, without a length prefix. */
  public int encodedLength() {
    return encodedLength;
  }

  /** Writes the fields in order at {@code off}; returns the offset after the last. */
  int writeFields(byte[] out, int off) {
    int at = off;
    FieldCodec[] codecs = orderedCodecs;
    Object[] vals = orderedValues;
    int[] units = orderedUnits;
    for (int i = 0; i < codecs.length; i++) {
      at = codecs[i].write(vals[i], units[i], out, at);
    }
    return at;
  }

  long[] bitmapWords() {
    return bitmap;
  }

  byte[] tpduArray() {
    return tpdu;
  }

  byte[] headerArray() {
    return header;
  }

  @Override
  public String toString() {
    return "IsoMessage[" + mti + " fields " + Arrays.toString(fields) + "]";
  }

  /**
   * Collects a message's content, validating each value against the spec as it is set (a non-digit
   * in an n field, a value over the maximum length and a field the spec does not define each throw
   * {@link IsoValueException} naming the field). Setting a field again replaces its value. Not
   * threadsafe; {@link #build()} copies, so a builder can be reused for the next message.
   */
  public static final class Builder extends IsoMessageBuilder {

    Builder(IsoSpec spec) {
      super(spec);
    }

    /** The message type indicator: exactly four decimal digits. */
    public Builder mti(String mti) {
      setMti(mti);
      return this;
    }

    /** The 5-byte TPDU (specs with a TPDU only). */
    public Builder tpdu(byte[] tpdu) {
      setTpdu(tpdu);
      return this;
    }

    /** The dialect header, exactly as long as the spec says. */
    public Builder header(byte[] header) {
      setHeader(header);
      return this;
    }

    /** Sets a field from text (hex for binary fields). */
    public Builder set(int field, String value) {
      put(field, codecFor(field).prepare(java.util.Objects.requireNonNull(value, "value")));
      return this;
    }

    /** Sets an n or x+n field from a number (x+n: negative is written with sign D). */
    public Builder set(int field, long value) {
      put(field, codecFor(field).prepare(value));
      return this;
    }

    /** Sets a binary field; the bytes are copied. */
    public Builder set(int field, byte[] value) {
      put(field, codecFor(field).prepare(java.util.Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * Sets a composite field from its positional subfields, in order; trailing subfields may be
     * left out. Shorter n parts are zero-filled in front, shorter text parts space-filled behind.
     */
    public Builder setSubfields(int field, String... parts) {
      return set(field, Subfields.join(spec, field, parts));
    }

    /** Removes a field. */
    public Builder remove(int field) {
      clear(field);
      return this;
    }

    /**
     * Builds the message.
     *
     * @throws IsoValueException if the MTI, or a TPDU or header the spec requires, is missing
     */
    public IsoMessage build() {
      checkComplete();
      // Walk the set bits, not every field number the spec could have.
      int words = present[2] != 0 ? 3 : present[1] != 0 ? 2 : 1;
      long[] bitmap = new long[words];
      int count = 0;
      for (int w = 0; w < words; w++) {
        bitmap[w] = present[w];
        count += Long.bitCount(present[w]);
      }
      int[] fields = new int[count];
      int i = 0;
      for (int w = 0; w < words; w++) {
        for (long rest = present[w]; rest != 0; ) {
          int p = Long.numberOfLeadingZeros(rest);
          fields[i++] = 64 * w + p + 1;
          rest &= ~(Long.MIN_VALUE >>> p);
        }
      }
      if (words > 1) {
        bitmap[0] |= Bitmaps.bit(1);
      }
      if (words > 2) {
        bitmap[1] |= Bitmaps.bit(65);
      }
      return new IsoMessage(this, fields, bitmap);
    }

    private FieldCodec codecFor(int field) {
      FieldCodec codec = spec.codec(field);
      if (codec == null) {
        throw new IsoValueException(
            field,
            field == 1 || (field == 65 && spec.maxBitmaps() == 3)
                ? "is a bitmap indicator, set by the encoder"
                : "is not defined by spec '" + spec.name() + "'");
      }
      return codec;
    }
  }
}
