package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.ValueEncoding;
import java.nio.charset.StandardCharsets;

/**
 * Packed BCD for n and z fields. Fixed n values shorter than the field are zero-filled in front;
 * fixed z values must be exact. On decoding, the pad nibble is ignored whatever its value (peers
 * pad with 0 or F regardless of what their spec says); every other nibble of an n field must be a
 * digit.
 */
final class BcdCodec extends FieldCodec {

  private final boolean leftPad;
  private final int padNibble;
  private final boolean track;

  BcdCodec(FieldSpec spec) {
    super(spec);
    this.leftPad = spec.valueEncoding() == ValueEncoding.BCD_LEFT_PADDED;
    this.padNibble = spec.valueEncoding() == ValueEncoding.BCD_RIGHT_PADDED_F ? 0xF : 0;
    this.track = spec.type() == FieldType.Z;
  }

  @Override
  public Object prepare(String value) {
    checkChars(value, track ? CharClass.TRACK : CharClass.DIGITS);
    checkLength(value.length(), track);
    // Validated: every char is ASCII, so its ISO-8859-1 bytes are a plain copy.
    byte[] chars = value.getBytes(StandardCharsets.ISO_8859_1);
    if (!track) {
      return new EncodedText(value, chars);
    }
    boolean separatorAsD = false;
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == 'D' || chars[i] == 'd') {
        chars[i] = '=';
        separatorAsD = true;
      }
    }
    return new EncodedText(separatorAsD ? Latin1.string(chars, 0, chars.length) : value, chars);
  }

  @Override
  public Object prepare(long value) {
    if (track) {
      return super.prepare(value);
    }
    if (value < 0) {
      throw invalid("an n field cannot hold the negative number given");
    }
    checkLength(digitCount(value), false);
    return value;
  }

  @Override
  protected int writeValue(Object prepared, int units, byte[] out, int off) {
    if (prepared instanceof EncodedText) {
      byte[] chars = ((EncodedText) prepared).bytes;
      Bcd.pack(chars, 0, chars.length, units, leftPad, padNibble, out, off);
    } else {
      Bcd.packLong((Long) prepared, units, leftPad, padNibble, out, off);
    }
    return off + Bcd.bytes(units);
  }

  @Override
  public String readString(byte[] b, int off, int len, int units, int base, Scratch scratch) {
    byte[] out = scratch.bytes(units);
    Bcd.unpack(b, off, Bcd.lead(units, leftPad), units, out, 0, !track, field, base);
    return Latin1.string(out, 0, units);
  }

  @Override
  public long readLong(byte[] b, int off, int len, int units, int base) {
    return Bcd.toLong(b, off, Bcd.lead(units, leftPad), units, field, base);
  }
}
