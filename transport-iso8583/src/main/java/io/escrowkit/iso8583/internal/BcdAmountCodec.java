package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.ValueEncoding;
import java.nio.charset.StandardCharsets;

/**
 * x+n in BCD, as jPOS {@code IFB_AMOUNT}: the sign {@code C}/{@code D} as one ASCII byte, then the
 * digits in packed BCD. The length in units counts the sign.
 */
final class BcdAmountCodec extends FieldCodec {

  private final boolean leftPad;
  private final int padNibble;

  BcdAmountCodec(FieldSpec spec) {
    super(spec);
    this.leftPad = spec.valueEncoding() == ValueEncoding.BCD_LEFT_PADDED;
    this.padNibble = spec.valueEncoding() == ValueEncoding.BCD_RIGHT_PADDED_F ? 0xF : 0;
  }

  @Override
  public Object prepare(String value) {
    checkChars(value, CharClass.AMOUNT);
    if (value.length() < 2) {
      throw invalid("an x+n value needs a C or D sign and at least one digit");
    }
    checkLength(value.length(), false);
    return new EncodedText(value, value.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Override
  public Object prepare(long value) {
    if (value == Long.MIN_VALUE) {
      throw invalid("the number given is out of range");
    }
    checkLength(digitCount(Math.abs(value)) + 1, false);
    return value;
  }

  @Override
  protected int writeValue(Object prepared, int units, byte[] out, int off) {
    int digits = units - 1;
    if (prepared instanceof EncodedText) {
      byte[] chars = ((EncodedText) prepared).bytes;
      out[off] = chars[0];
      Bcd.pack(chars, 1, chars.length - 1, digits, leftPad, padNibble, out, off + 1);
    } else {
      long v = (Long) prepared;
      out[off] = (byte) (v < 0 ? 'D' : 'C');
      Bcd.packLong(Math.abs(v), digits, leftPad, padNibble, out, off + 1);
    }
    return off + 1 + Bcd.bytes(digits);
  }

  private char sign(byte[] b, int off, int len, int base) {
    if (len == 0) {
      throw malformed(off, base, "an x+n value needs its C or D sign, the field is empty");
    }
    char sign = (char) (b[off] & 0xFF);
    if (sign != 'C' && sign != 'D') {
      throw malformed(off, base, "an x+n value must start with C or D");
    }
    return sign;
  }

  @Override
  public String readString(byte[] b, int off, int len, int units, int base, Scratch scratch) {
    int digits = units - 1;
    byte[] out = scratch.bytes(units);
    out[0] = (byte) sign(b, off, len, base);
    Bcd.unpack(b, off + 1, Bcd.lead(digits, leftPad), digits, out, 1, true, field, base);
    return Latin1.string(out, 0, units);
  }

  @Override
  public long readLong(byte[] b, int off, int len, int units, int base) {
    boolean negative = sign(b, off, len, base) == 'D';
    int digits = units - 1;
    long v = Bcd.toLong(b, off + 1, Bcd.lead(digits, leftPad), digits, field, base);
    return negative ? -v : v;
  }
}
