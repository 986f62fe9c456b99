package io.escrowkit.iso8583.tlv;

import io.escrowkit.iso8583.internal.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds BER-TLV content such as EMV field 55, in the order given:
 *
 * <pre>{@code
 * byte[] f55 = TlvBuilder.create()
 *     .addHex(0x9F26, "1122334455667788")
 *     .add(0x9F02, amountBcd)
 *     .addConstructed(0x71, TlvBuilder.create().addHex(0x86, "8424000008"))
 *     .build();
 * }</pre>
 *
 * Not threadsafe; {@link #build()} may be called more than once.
 */
public final class TlvBuilder {

  private final List<Tlv> objects = new ArrayList<>();

  private TlvBuilder() {}

  /** An empty builder. */
  public static TlvBuilder create() {
    return new TlvBuilder();
  }

  /** Adds a data object. */
  public TlvBuilder add(Tlv tlv) {
    objects.add(Objects.requireNonNull(tlv, "tlv"));
    return this;
  }

  /** Adds a primitive data object; the value is copied. */
  public TlvBuilder add(int tag, byte[] value) {
    return add(Tlv.of(tag, value));
  }

  /** Adds a primitive data object with a hex value. */
  public TlvBuilder addHex(int tag, String hexValue) {
    return add(Tlv.of(tag, Hex.parse(hexValue, "value of tag " + Tags.hex(tag))));
  }

  /** Adds a constructed data object holding what {@code children} has collected. */
  public TlvBuilder addConstructed(int tag, TlvBuilder children) {
    return add(Tlv.constructed(tag, children.objects));
  }

  /** The objects added so far. */
  public List<Tlv> objects() {
    return java.util.Collections.unmodifiableList(new ArrayList<>(objects));
  }

  /** The encoded length in bytes. */
  public int length() {
    int n = 0;
    for (Tlv t : objects) {
      n += t.encodedLength();
    }
    return n;
  }

  /** Writes the encoding at {@code off}; returns the number of bytes written. */
  public int writeTo(byte[] out, int off) {
    int at = off;
    for (Tlv t : objects) {
      at = t.writeTo(out, at);
    }
    return at - off;
  }

  /** The encoding as a new array. */
  public byte[] build() {
    byte[] out = new byte[length()];
    writeTo(out, 0);
    return out;
  }
}
