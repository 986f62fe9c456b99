package io.escrowkit.iso8583;

import io.escrowkit.iso8583.internal.FieldCodec;
import io.escrowkit.iso8583.internal.Mti;
import io.escrowkit.iso8583.tlv.Tlv;
import io.escrowkit.iso8583.tlv.TlvParser;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A decoded message as an index over the caller's bytes: decoding checks the structure (TPDU,
 * header, MTI, bitmaps, every length) and records where each field is; values are materialized only
 * when read, and numeric reads ({@link #readLong}) allocate nothing.
 *
 * <p>The view reads the array that was decoded, without copying it: do not change that array while
 * using the view (use {@link #toMessage()} for an independent copy). Reading a value checks its
 * content (digits in n fields, hex in hex-encoded fields) and throws {@link IsoFormatException}
 * with the field and offset if it is malformed.
 *
 * <p>Not threadsafe. One instance can be reused for many decodes with {@link
 * IsoCodec#decode(byte[], int, int, DecodedMessage)}; after a failed decode it refuses reads.
 */
public final class DecodedMessage extends DecodedFields {

  /** An empty view to reuse with {@link IsoCodec#decode(byte[], int, int, DecodedMessage)}. */
  public DecodedMessage() {}

  /** The spec the message was decoded with. */
  public IsoSpec spec() {
    check();
    return spec;
  }

  /** The message type indicator as four digits. */
  public String mti() {
    check();
    return Mti.text(mti);
  }

  /** The message type indicator as a number (0100 is 100), without allocating. */
  public int mtiNumber() {
    check();
    return mti;
  }

  /** A copy of the TPDU; empty if the spec has none. */
  public byte[] tpdu() {
    check();
    return tpduOffset < 0 ? new byte[0] : Arrays.copyOfRange(buf, tpduOffset, tpduOffset + 5);
  }

  /** A copy of the header; empty if the spec has none. */
  public byte[] header() {
    check();
    return headerOffset < 0
        ? new byte[0]
        : Arrays.copyOfRange(buf, headerOffset, headerOffset + spec.headerLength());
  }

  /**
   * The value as text: trailing spaces of fixed text fields and BCD pad nibbles removed, leading
   * zeros kept, binary fields as upper-case hex.
   *
   * @throws NoSuchElementException if the field is absent
   */
  public String readString(int field) {
    int s = slot(field);
    return codec(field).readString(buf, index[s], index[s + 1], index[s + 2], start, scratch);
  }

  /** The value as text, or empty if the field is absent. */
  public Optional<String> findString(int field) {
    return has(field) ? Optional.of(readString(field)) : Optional.empty();
  }

  /**
   * The value of a numeric field as a long, without allocating; x+n values are negative for sign D.
   *
   * @throws IsoFormatException if the value has a non-digit or does not fit a long
   * @throws IllegalArgumentException if the field is binary
   */
  public long readLong(int field) {
    int s = slot(field);
    return codec(field).readLong(buf, index[s], index[s + 1], index[s + 2], start);
  }

  /** The value bytes: the binary content of a b field, the raw wire bytes of any other field. */
  public byte[] readBytes(int field) {
    int s = slot(field);
    return codec(field).readBytes(buf, index[s], index[s + 1], index[s + 2], start);
  }

  /** Copies what {@link #readBytes} returns into {@code dst}; returns the number of bytes. */
  public int copyBytes(int field, byte[] dst, int dstOffset) {
    int s = slot(field);
    int needed = codec(field).spec().valueEncoding().isBinary() ? index[s + 2] : index[s + 1];
    if (dstOffset < 0 || dst.length - dstOffset < needed) {
      throw new IndexOutOfBoundsException(
          "field " + field + " needs " + needed + " bytes at offset " + dstOffset);
    }
    return codec(field).copyBytes(buf, index[s], index[s + 1], index[s + 2], dst, dstOffset, start);
  }

  /** The positional subfields of a composite field; those the value does not reach are left out. */
  public List<String> readSubfields(int field) {
    return Subfields.split(spec, field, readString(field));
  }

  /**
   * One positional subfield (counted from 1) of a composite field.
   *
   * @throws NoSuchElementException if the field or the subfield is absent
   */
  public String readSubfield(int field, int subfield) {
    List<String> parts = readSubfields(field);
    if (subfield < 1 || subfield > parts.size()) {
      throw new NoSuchElementException("subfield " + field + "." + subfield + " is absent");
    }
    return parts.get(subfield - 1);
  }

  /** The BER-TLV data objects of a binary field such as EMV field 55. */
  public List<Tlv> readTlv(int field) {
    int s = slot(field);
    byte[] value = readBytes(field);
    try {
      return TlvParser.withDefaults().parse(value);
    } catch (IsoFormatException e) {
      // Offsets count from the value's first byte; hex-encoded values take two wire bytes a byte.
      boolean raw = value.length == index[s + 1];
      int valueStart = index[s] - start;
      throw e.relocate(field, raw ? valueStart : valueStart + e.offset());
    }
  }

  /** Every field read as text ({@link #readString}), in field order. */
  public Map<Integer, String> readAll() {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int f = nextField(0); f > 0; f = nextField(f)) {
      out.put(f, readString(f));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * An independent message with the same content, to re-encode or derive a response from. Text
   * fields keep their wire bytes, so re-encoding reproduces them exactly.
   *
   * @throws IsoFormatException if a field's content is malformed (as {@link #readString} would)
   */
  public IsoMessage toMessage() {
    check();
    IsoMessage.Builder b = IsoMessage.builder(spec).mti(mti());
    if (tpduOffset >= 0) {
      b.tpdu(tpdu());
    }
    if (headerOffset >= 0) {
      b.header(header());
    }
    for (int f = nextField(0); f > 0; f = nextField(f)) {
      FieldCodec c = codec(f);
      if (c.spec().valueEncoding().isBinary()) {
        b.set(f, readBytes(f));
      } else {
        int s = slot(f);
        b.put(f, c.prepareDecoded(buf, index[s], index[s + 1], index[s + 2], start));
      }
    }
    return b.build();
  }

  @Override
  public String toString() {
    return valid
        ? "DecodedMessage[" + mti() + " fields " + Arrays.toString(fields()) + "]"
        : "DecodedMessage[invalid]";
  }
}
