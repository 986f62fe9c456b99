package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.ValueEncoding;

/**
 * b fields written as two hex characters per byte, in ASCII (jPOS {@code IFA_BINARY}) or EBCDIC
 * (jPOS {@code IFE_BINARY}). Upper case is written; either case is read. Lengths count bytes.
 */
final class HexCodec extends BinaryCodec {

  private final boolean ebcdic;
  // For each wire byte, the hex digit's value, or -1.
  private final byte[] values = new byte[256];

  HexCodec(FieldSpec spec) {
    super(spec);
    this.ebcdic = spec.valueEncoding() == ValueEncoding.HEX_EBCDIC;
    for (int v = 0; v < 256; v++) {
      values[v] = (byte) Hex.value(ebcdic ? Ebcdic.decode((byte) v) : (char) v);
    }
  }

  @Override
  protected int writeValue(Object prepared, int units, byte[] out, int off) {
    byte[] bytes = (byte[]) prepared;
    if (!ebcdic) {
      return Hex.write(bytes, units, out, off);
    }
    int at = off;
    for (int i = 0; i < units; i++) {
      int v = bytes[i] & 0xFF;
      out[at++] = encode(Hex.digit(v >>> 4));
      out[at++] = encode(Hex.digit(v & 0xF));
    }
    return at;
  }

  private byte encode(char c) {
    return ebcdic ? Ebcdic.encode(c) : (byte) c;
  }

  private int value(byte[] b, int at, int base) {
    int v = values[b[at] & 0xFF];
    if (v < 0) {
      throw malformed(at, base, "byte at this offset is not a hex digit");
    }
    return v;
  }

  @Override
  public String readString(byte[] b, int off, int len, int units, int base, Scratch scratch) {
    byte[] out = scratch.bytes(len);
    for (int i = 0; i < len; i++) {
      out[i] = (byte) Hex.digit(value(b, off + i, base));
    }
    return Latin1.string(out, 0, len);
  }

  @Override
  public byte[] readBytes(byte[] b, int off, int len, int units, int base) {
    byte[] out = new byte[units];
    copyBytes(b, off, len, units, out, 0, base);
    return out;
  }

  @Override
  public int copyBytes(byte[] b, int off, int len, int units, byte[] dst, int dstOff, int base) {
    for (int i = 0; i < units; i++) {
      int at = off + 2 * i;
      dst[dstOff + i] = (byte) (value(b, at, base) << 4 | value(b, at + 1, base));
    }
    return units;
  }
}
