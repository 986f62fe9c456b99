package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.IsoFormatException;
import io.escrowkit.iso8583.IsoValueException;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.LengthKind;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes one field: a length prefix (or none) times a value layout. Immutable and
 * threadsafe; one per field of a spec, built by {@link #of(FieldSpec)}.
 *
 * <p>Encoding works on <em>prepared</em> values: {@link #prepare(String)} validates a value once
 * when it is set and returns what {@link #write} needs (the String itself, bytes, or a Long), so
 * writing allocates nothing. Decoding first reads a field's extent ({@link #readUnits}, {@link
 * #wireLength}) and materializes the value only when asked.
 *
 * <p>Error offsets are counted from {@code base}, the first byte of the decoded input.
 */
public abstract class FieldCodec {

  protected final FieldSpec spec;
  protected final int field;
  protected final int maxUnits;
  protected final boolean fixed;
  private final PrefixCodec prefix;
  private final int prefixSize;
  private final int wireKind;

  // How a length in units becomes bytes on the wire (a final switch, not a virtual call per field).
  private static final int WIRE_BYTES = 0;
  private static final int WIRE_HEX = 1;
  private static final int WIRE_BCD = 2;
  private static final int WIRE_SIGN_BCD = 3;

  FieldCodec(FieldSpec spec) {
    this.spec = spec;
    this.field = spec.number();
    this.maxUnits = spec.maxLength();
    this.fixed = spec.lengthKind() == LengthKind.FIXED;
    this.prefix = new PrefixCodec(spec.lengthEncoding(), spec.lengthKind());
    this.prefixSize = prefix.size();
    this.wireKind = wireKind(spec);
  }

  private static int wireKind(FieldSpec spec) {
    switch (spec.valueEncoding()) {
      case HEX_ASCII:
      case HEX_EBCDIC:
        return WIRE_HEX;
      case BCD_LEFT_PADDED:
      case BCD_RIGHT_PADDED:
      case BCD_RIGHT_PADDED_F:
        return spec.type() == FieldType.XN ? WIRE_SIGN_BCD : WIRE_BCD;
      default:
        return WIRE_BYTES;
    }
  }

  /** The codec for a field definition. */
  public static FieldCodec of(FieldSpec spec) {
    switch (spec.valueEncoding()) {
      case BINARY:
        return new BinaryCodec(spec);
      case HEX_ASCII:
      case HEX_EBCDIC:
        return new HexCodec(spec);
      case BCD_LEFT_PADDED:
      case BCD_RIGHT_PADDED:
      case BCD_RIGHT_PADDED_F:
        return spec.type() == FieldType.XN ? new BcdAmountCodec(spec) : new BcdCodec(spec);
      default:
        boolean singleByte =
            spec.charset().equals(StandardCharsets.US_ASCII)
                || spec.charset().equals(StandardCharsets.ISO_8859_1);
        return singleByte ? new CharsCodec(spec) : new CharsetTextCodec(spec);
    }
  }

  /** The definition this codec implements. */
  public final FieldSpec spec() {
    return spec;
  }

  /** The number of length prefix bytes (0 for fixed fields). */
  public final int prefixLength() {
    return prefixSize;
  }

  // ---------------------------------------------------------------- decoding

  /**
   * Reads the field's length in units at {@code off}: the prefix, or the fixed length.
   *
   * @param end the index after the last readable byte
   * @throws IsoFormatException if the prefix is truncated, not a number, or over the maximum
   */
  public final int readUnits(byte[] b, int off, int end, int base) {
    if (fixed) {
      return maxUnits;
    }
    int size = prefixSize;
    if (end - off < size) {
      throw new IsoFormatException(
          field,
          off - base,
          "truncated: the length prefix needs " + size + " bytes, " + (end - off) + " remain");
    }
    int units = prefix.read(b, off, field, base);
    if (units > maxUnits) {
      throw new IsoFormatException(
          field, off - base, "length " + units + " exceeds the maximum " + maxUnits);
    }
    return units;
  }

  /**
   * The number of value bytes on the wire for a length in units: bytes for text and raw binary, two
   * hex characters a byte, two BCD digits a byte, and for BCD x+n one sign byte then the digits.
   */
  public final int wireLength(int units) {
    switch (wireKind) {
      case WIRE_HEX:
        return 2 * units;
      case WIRE_BCD:
        return (units + 1) >>> 1;
      case WIRE_SIGN_BCD:
        return 1 + (units >>> 1);
      default:
        return units;
    }
  }

  /**
   * The value as text: padding removed (trailing spaces of fixed text, pad nibbles), leading zeros
   * kept, binary as upper-case hex.
   */
  public abstract String readString(
      byte[] b, int off, int len, int units, int base, Scratch scratch);

  /**
   * The value as a number, without allocating: here, ASCII digits (text in an ASCII-compatible
   * charset); codecs with other layouts override it.
   */
  public long readLong(byte[] b, int off, int len, int units, int base) {
    long v = 0;
    for (int i = off; i < off + len; i++) {
      int d = (b[i] & 0xFF) - '0';
      if (d < 0 || d > 9) {
        throw malformed(i, base, "byte at this offset is not a decimal digit");
      }
      v = Digits.append(v, d, field, i - base);
    }
    return v;
  }

  /** The value's bytes: binary content for b fields, the raw wire bytes for others. */
  public byte[] readBytes(byte[] b, int off, int len, int units, int base) {
    byte[] out = new byte[len];
    System.arraycopy(b, off, out, 0, len);
    return out;
  }

  /** Copies what {@link #readBytes} returns into {@code dst}; returns the number of bytes. */
  public int copyBytes(byte[] b, int off, int len, int units, byte[] dst, int dstOff, int base) {
    System.arraycopy(b, off, dst, dstOff, len);
    return len;
  }

  /**
   * A prepared value holding a decoded field's wire bytes, so a decoded message re-encodes exactly.
   * Checks the content as {@link #readString} does.
   */
  public Object prepareDecoded(byte[] b, int off, int len, int units, int base) {
    String text = readString(b, off, len, units, base, new Scratch());
    byte[] wire = new byte[len];
    System.arraycopy(b, off, wire, 0, len);
    return new RawValue(text, wire, units);
  }

  // ---------------------------------------------------------------- encoding

  /** Validates a text value and returns its prepared form. */
  public abstract Object prepare(String value);

  /** Validates a numeric value and returns its prepared form. */
  public Object prepare(long value) {
    throw invalid("a number can only be set on an n or x+n field, this is " + spec.describe());
  }

  /** Validates a binary value and returns its prepared form (a private copy). */
  public Object prepare(byte[] value) {
    throw invalid("bytes can only be set on a b field, this is " + spec.describe());
  }

  /**
   * The value's length in units, for a prepared value: the fixed length, the characters of text,
   * the bytes of binary or charset-encoded text, the digits of a number (plus its sign for x+n).
   */
  public final int units(Object prepared) {
    if (fixed) {
      return maxUnits;
    }
    if (prepared instanceof String) {
      return ((String) prepared).length();
    }
    if (prepared instanceof byte[]) {
      return ((byte[]) prepared).length;
    }
    if (prepared instanceof EncodedText) {
      return ((EncodedText) prepared).bytes.length;
    }
    if (prepared instanceof RawValue) {
      return ((RawValue) prepared).units;
    }
    long v = (Long) prepared;
    return digitCount(Math.abs(v)) + (spec.type() == FieldType.XN ? 1 : 0);
  }

  /** The bytes the field takes on the wire, prefix included, for a length in units. */
  public final int encodedLength(int units) {
    return prefixSize + wireLength(units);
  }

  /**
   * Writes prefix and value at {@code off}; returns the offset after the field.
   *
   * @param units {@link #units(Object)} of the prepared value
   */
  public final int write(Object prepared, int units, byte[] out, int off) {
    int at = fixed ? off : prefix.write(units, out, off);
    if (prepared instanceof RawValue) {
      byte[] wire = ((RawValue) prepared).wire;
      System.arraycopy(wire, 0, out, at, wire.length);
      return at + wire.length;
    }
    return writeValue(prepared, units, out, at);
  }

  /** Writes the value (padded if fixed); returns the offset after it. */
  protected abstract int writeValue(Object prepared, int units, byte[] out, int off);

  // ---------------------------------------------------------------- shared checks

  protected final IsoValueException invalid(String reason) {
    return new IsoValueException(field, reason);
  }

  /** Checks a value's length in units against the spec. */
  protected final void checkLength(int units, boolean exactIfFixed) {
    if (units > maxUnits) {
      throw invalid("length " + units + " exceeds the maximum " + maxUnits);
    }
    if (fixed && exactIfFixed && units != maxUnits) {
      throw invalid("length " + units + " must be exactly " + maxUnits);
    }
  }

  /** Checks the characters of a value against the field type. */
  protected final void checkChars(String value, CharClass chars) {
    int bad = chars.firstInvalid(value);
    if (bad >= 0) {
      throw invalid(
          "character U+"
              + Integer.toHexString(value.charAt(bad) | 0x10000).substring(1)
              + " at position "
              + bad
              + " is not "
              + chars.expected()
              + " ("
              + spec.describe()
              + ")");
    }
  }

  protected final IsoFormatException malformed(int at, int base, String reason) {
    return new IsoFormatException(field, at - base, reason);
  }

  /** The number of decimal digits of a non-negative long. */
  static int digitCount(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }
}
