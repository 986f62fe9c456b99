package io.escrowkit.benchmarks.codec;

import com.solab.iso8583.IsoMessage;
import com.solab.iso8583.IsoType;
import com.solab.iso8583.MessageFactory;
import com.solab.iso8583.parse.FieldParseInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The pre-authorization built with j8583 1.17.0. Amounts are NUMERIC 12 (j8583's AMOUNT type
 * assumes two decimals). In binary mode j8583's LLVAR writes fields 2 and 35 as a BCD length and
 * ASCII digits (jPOS and this codec: BCD digits), so its binary message is 17 bytes longer; field
 * 55 is LLLBIN in binary mode and LLLVAR text (ISO-8859-1) in ASCII mode, where j8583's LLLBIN
 * would be hex. Not threadsafe: one per benchmark state.
 */
final class J8583Side {

  private static final String CHARSET = "ISO-8859-1";
  private static final int MTI = 0x100;

  private J8583Side() {}

  /** j8583's type for a field of the message. */
  static IsoType type(int field, boolean binary) {
    switch (field) {
      case 2:
      case 35:
        return IsoType.LLVAR;
      case 37:
      case 41:
      case 42:
      case 49:
        return IsoType.ALPHA;
      case 52:
      case 64:
        return IsoType.BINARY;
      case 55:
        return binary ? IsoType.LLLBIN : IsoType.LLLVAR;
      case 60:
        return IsoType.LLLVAR;
      default:
        return IsoType.NUMERIC;
    }
  }

  /** The fixed length of a field, 0 for variable ones. */
  static int length(int field, boolean binary) {
    IsoType type = type(field, binary);
    if (type.needsLength()) {
      return PreAuth.isBinary(field) ? 8 : PreAuth.TEXT[field].length();
    }
    return 0;
  }

  static MessageFactory<IsoMessage> factory(boolean binary) {
    MessageFactory<IsoMessage> mf = new MessageFactory<>();
    mf.setUseBinaryMessages(binary);
    mf.setUseBinaryBitmap(binary);
    mf.setCharacterEncoding(CHARSET);
    Map<Integer, FieldParseInfo> guide = new HashMap<>();
    for (int f : PreAuth.FIELDS) {
      guide.put(f, FieldParseInfo.getInstance(type(f, binary), length(f, binary), CHARSET));
    }
    mf.setParseMap(MTI, guide);
    return mf;
  }

  static IsoMessage build(
      MessageFactory<IsoMessage> mf,
      boolean binary,
      byte[] pinBlock,
      byte[] mac,
      byte[] emv,
      String emvLatin1) {
    IsoMessage m = mf.newMessage(MTI);
    for (int f : PreAuth.FIELDS) {
      Object value =
          f == 52
              ? pinBlock
              : f == 64 ? mac : f == 55 ? (binary ? emv : emvLatin1) : PreAuth.TEXT[f];
      m.setValue(f, value, type(f, binary), length(f, binary));
    }
    return m;
  }
}
