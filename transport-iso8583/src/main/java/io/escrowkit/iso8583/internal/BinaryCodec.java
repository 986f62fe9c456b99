package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.spec.FieldSpec;

/**
 * Raw bytes for b fields. A fixed field takes exactly its length. Text given for a binary field is
 * read as hex, so {@code "0A1B"} sets two bytes.
 */
class BinaryCodec extends FieldCodec {

  BinaryCodec(FieldSpec spec) {
    super(spec);
  }

  @Override
  public final Object prepare(String value) {
    byte[] bytes = Hex.parseOrNull(value);
    if (bytes == null) {
      throw invalid("text for a b field must be an even number of hex digits");
    }
    return checked(bytes);
  }

  @Override
  public final Object prepare(byte[] value) {
    return checked(value.clone());
  }

  private byte[] checked(byte[] bytes) {
    checkLength(bytes.length, true);
    return bytes;
  }

  @Override
  protected int writeValue(Object prepared, int units, byte[] out, int off) {
    System.arraycopy((byte[]) prepared, 0, out, off, units);
    return off + units;
  }

  @Override
  public long readLong(byte[] b, int off, int len, int units, int base) {
    throw new IllegalArgumentException(
        "field " + field + " is " + spec.describe() + ", not numeric: read it as text or bytes");
  }

  @Override
  public String readString(byte[] b, int off, int len, int units, int base, Scratch scratch) {
    return Hex.toHex(b, off, len, scratch.bytes(2 * len));
  }
}
