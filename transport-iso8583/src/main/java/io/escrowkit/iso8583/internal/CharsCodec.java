package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.ValueEncoding;
import java.nio.charset.StandardCharsets;

/**
 * One byte per character: US-ASCII, ISO-8859-1 or EBCDIC, for every field type but b. Fixed n and
 * x+n values are zero-filled in front, fixed an/ans values space-filled behind; fixed z values must
 * be exact.
 */
final class CharsCodec extends FieldCodec {

  private final boolean ebcdic;
  private final int maxChar;
  private final FieldType type;
  private final CharClass chars;
  private final String charsetName;
  // For n, z and x+n: which wire bytes are allowed (after the x+n sign), by byte value.
  private final boolean[] allowed;
  private final boolean text;

  CharsCodec(FieldSpec spec) {
    super(spec);
    this.ebcdic = spec.valueEncoding() == ValueEncoding.EBCDIC;
    this.maxChar = ebcdic || spec.charset().equals(StandardCharsets.ISO_8859_1) ? 0xFF : 0x7F;
    this.type = spec.type();
    this.chars = CharClass.of(type);
    this.charsetName = ebcdic ? "EBCDIC" : spec.charset().name();
    this.text = type.isText();
    this.allowed = new boolean[256];
    for (int v = 0; v < 256; v++) {
      allowed[v] = chars.accepts(decode((byte) v), 1);
    }
  }

  @Override
  public Object prepare(String value) {
    checkChars(value, chars);
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > maxChar) {
        throw invalid("character at position " + i + " cannot be encoded in " + charsetName);
      }
    }
    if (type == FieldType.XN && value.length() < 2) {
      throw invalid("an x+n value needs a C or D sign and at least one digit");
    }
    checkLength(value.length(), type == FieldType.Z);
    return value;
  }

  @Override
  public Object prepare(long value) {
    if (type != FieldType.N && type != FieldType.XN) {
      return super.prepare(value);
    }
    if (value == Long.MIN_VALUE || (value < 0 && type == FieldType.N)) {
      throw invalid("an n field cannot hold the negative number given");
    }
    checkLength(digitCount(Math.abs(value)) + (type == FieldType.XN ? 1 : 0), false);
    return value;
  }

  @Override
  protected int writeValue(Object prepared, int units, byte[] out, int off) {
    if (prepared instanceof Long) {
      long v = (Long) prepared;
      int start = off;
      if (type == FieldType.XN) {
        out[off] = encode(v < 0 ? 'D' : 'C');
        start++;
      }
      if (ebcdic) {
        long rest = Math.abs(v);
        for (int i = off + units - 1; i >= start; i--) {
          out[i] = Ebcdic.encode((char) ('0' + rest % 10));
          rest /= 10;
        }
      } else {
        Digits.writeAscii(Math.abs(v), out, start, off + units - start);
      }
      return off + units;
    }
    String s = (String) prepared;
    int len = s.length();
    int at = off;
    int from = 0;
    if (type == FieldType.XN) {
      out[at++] = encode(s.charAt(0));
      from = 1;
    }
    if (type.isNumeric()) {
      for (int i = len; i < units; i++) {
        out[at++] = encode('0');
      }
    }
    if (ebcdic) {
      for (int i = from; i < len; i++) {
        out[at++] = Ebcdic.encode(s.charAt(i));
      }
    } else {
      copyLatin1(s, from, len, out, at);
      at += len - from;
    }
    for (int end = off + units; at < end; ) {
      out[at++] = encode(' ');
    }
    return off + units;
  }

  /**
   * Copies chars known to be at most U+00FF as bytes. {@code String.getBytes(int, int, byte[],
   * int)} is deprecated because it drops the high byte, which is exactly what is wanted for
   * validated Latin-1 text, and it is a plain array copy for compact strings.
   */
  @SuppressWarnings("deprecation")
  private static void copyLatin1(String s, int from, int to, byte[] out, int at) {
    s.getBytes(from, to, out, at);
  }

  private byte encode(char c) {
    return ebcdic ? Ebcdic.encode(c) : (byte) c;
  }

  private char decode(byte b) {
    return ebcdic ? Ebcdic.decode(b) : (char) (b & 0xFF);
  }

  @Override
  public String readString(byte[] b, int off, int len, int units, int base, Scratch scratch) {
    if (type == FieldType.XN && len == 0) {
      throw malformed(off, base, "an x+n value needs its C or D sign, the field is empty");
    }
    int end = off + len;
    if (text) {
      if (fixed) {
        byte space = encode(' ');
        while (end > off && b[end - 1] == space) {
          end--;
        }
      }
    } else {
      checkChars(b, off, end, base);
    }
    if (!ebcdic) {
      return Latin1.string(b, off, end - off);
    }
    char[] out = new char[end - off];
    for (int i = off; i < end; i++) {
      out[i - off] = Ebcdic.decode(b[i]);
    }
    return new String(out);
  }

  private void checkChars(byte[] b, int off, int end, int base) {
    int from = off;
    if (type == FieldType.XN && off < end) {
      if (!chars.accepts(decode(b[off]), 0)) {
        throw malformed(off, base, "byte at this offset is not " + chars.expected());
      }
      from++;
    }
    boolean[] ok = allowed;
    boolean all = true;
    for (int i = from; i < end; i++) {
      all &= ok[b[i] & 0xFF]; // no branch per byte; the first bad one is found only on failure
    }
    if (!all) {
      int i = from;
      while (ok[b[i] & 0xFF]) {
        i++;
      }
      throw malformed(i, base, "byte at this offset is not " + chars.expected());
    }
  }

  @Override
  public long readLong(byte[] b, int off, int len, int units, int base) {
    int from = off;
    boolean negative = false;
    if (type == FieldType.XN) {
      if (len == 0) {
        throw malformed(off, base, "an x+n value needs its C or D sign, the field is empty");
      }
      char sign = decode(b[off]);
      if (sign != 'C' && sign != 'D') {
        throw malformed(off, base, "an x+n value must start with C or D");
      }
      negative = sign == 'D';
      from++;
    }
    long v = 0;
    for (int i = from; i < off + len; i++) {
      int d = decode(b[i]) - '0';
      if (d < 0 || d > 9) {
        throw malformed(i, base, "byte at this offset is not a decimal digit");
      }
      v = Digits.append(v, d, field, i - base);
    }
    return negative ? -v : v;
  }
}
