package io.escrowkit.iso8583.internal;

import io.escrowkit.iso8583.spec.FieldSpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * an/ans text in a multi-byte charset such as GBK (UnionPay merchant names in fields 43 and 63).
 * Lengths count bytes on the wire. The value is encoded once when set; a character the charset
 * cannot encode is refused. Fixed fields are space-filled behind and trimmed when read.
 */
final class CharsetTextCodec extends FieldCodec {

  private final Charset charset;
  private final CharClass chars;

  CharsetTextCodec(FieldSpec spec) {
    super(spec);
    this.charset = spec.charset();
    this.chars = CharClass.of(spec.type());
  }

  @Override
  public Object prepare(String value) {
    checkChars(value, chars);
    CharsetEncoder encoder =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] bytes;
    try {
      ByteBuffer buffer = encoder.encode(CharBuffer.wrap(value));
      bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
    } catch (CharacterCodingException e) {
      throw invalid("the text has a character " + charset.name() + " cannot encode");
    }
    checkLength(bytes.length, false);
    return new EncodedText(value, bytes);
  }

  @Override
  protected int writeValue(Object prepared, int units, byte[] out, int off) {
    byte[] bytes = ((EncodedText) prepared).bytes;
    System.arraycopy(bytes, 0, out, off, bytes.length);
    for (int i = off + bytes.length; i < off + units; i++) {
      out[i] = ' ';
    }
    return off + units;
  }

  @Override
  public String readString(byte[] b, int off, int len, int units, int base, Scratch scratch) {
    int end = off + len;
    if (fixed) {
      while (end > off && b[end - 1] == ' ') {
        end--;
      }
    }
    return new String(b, off, end - off, charset);
  }
}
