package io.escrowkit.iso8583.tlv;

import io.escrowkit.iso8583.internal.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One BER-TLV data object, as carried in EMV field 55: a tag of 1 to 4 bytes (held as an int, so
 * {@code 0x9F02} is tag 9F02), a value, and for constructed tags (bit 6 of the first tag byte) the
 * objects inside it. Immutable and threadsafe; the value is copied in and out.
 *
 * <p>{@link #toString()} shows tags and lengths, never values: EMV data holds the card number (5A)
 * and track-2 equivalent data (57).
 *
 * @param tag the tag bytes as a big-endian int
 * @param value the value bytes (for a constructed object, the encoding of its children)
 * @param children the objects inside a constructed object; empty for a primitive one
 */
public record Tlv(int tag, byte[] value, List<Tlv> children) {

  /** Validates the tag and copies value and children. */
  public Tlv {
    Tags.check(tag);
    value = Objects.requireNonNull(value, "value").clone();
    children = Collections.unmodifiableList(new ArrayList<>(children));
    if (!children.isEmpty() && !Tags.isConstructed(tag)) {
      throw new IllegalArgumentException(
          "tag " + Tags.hex(tag) + " is primitive, it has no children");
    }
  }

  /** A primitive data object. */
  public static Tlv of(int tag, byte[] value) {
    return new Tlv(tag, value, Collections.emptyList());
  }

  /** A primitive data object from a hex value. */
  public static Tlv ofHex(int tag, String hexValue) {
    return of(tag, Hex.parse(hexValue, "value of tag " + Tags.hex(tag)));
  }

  /** A constructed data object; its value is the encoding of the children. */
  public static Tlv constructed(int tag, List<Tlv> children) {
    if (!Tags.isConstructed(tag)) {
      throw new IllegalArgumentException("tag " + Tags.hex(tag) + " is not a constructed tag");
    }
    TlvBuilder inner = TlvBuilder.create();
    children.forEach(inner::add);
    return new Tlv(tag, inner.build(), children);
  }

  /** A copy of the value bytes. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The length of the value in bytes. */
  public int length() {
    return value.length;
  }

  /** Whether the tag is constructed (holds other data objects). */
  public boolean isConstructed() {
    return Tags.isConstructed(tag);
  }

  /** The tag in upper-case hex, such as {@code "9F02"}. */
  public String tagHex() {
    return Tags.hex(tag);
  }

  /** The value in upper-case hex. */
  public String valueHex() {
    return Hex.toHex(value);
  }

  /** This object or the first object inside it (depth first) with the tag. */
  public Optional<Tlv> find(int wanted) {
    if (tag == wanted) {
      return Optional.of(this);
    }
    return find(children, wanted);
  }

  /** The first object with the tag in a list, searching inside constructed objects. */
  public static Optional<Tlv> find(List<Tlv> objects, int wanted) {
    for (Tlv t : objects) {
      Optional<Tlv> hit = t.find(wanted);
      if (hit.isPresent()) {
        return hit;
      }
    }
    return Optional.empty();
  }

  /** The bytes of tag, length and value. */
  int encodedLength() {
    return Tags.size(tag) + Lengths.size(value.length) + value.length;
  }

  /** Writes tag, length and value; returns the offset after them. */
  int writeTo(byte[] out, int off) {
    int at = Tags.write(tag, out, off);
    at = Lengths.write(value.length, out, at);
    System.arraycopy(value, 0, out, at, value.length);
    return at + value.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tlv
        && ((Tlv) o).tag == tag
        && Arrays.equals(((Tlv) o).value, value)
        && ((Tlv) o).children.equals(children);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * tag + Arrays.hashCode(value)) + children.hashCode();
  }

  @Override
  public String toString() {
    return "Tlv["
        + tagHex()
        + ", "
        + value.length
        + " bytes"
        + (children.isEmpty() ? "" : ", " + children)
        + "]";
  }
}
