package io.escrowkit.benchmarks.codec;

import io.escrowkit.iso8583.IsoMessage;
import io.escrowkit.iso8583.IsoSpec;
import java.nio.charset.StandardCharsets;

/**
 * The benchmarked message, one set of values for all three libraries: a UnionPay-style
 * pre-authorization request 0100 with fields 2, 3, 4, 11, 12, 13, 14, 22, 23, 25, 26, 35, 37, 41,
 * 42, 49, 52, 55 (173 bytes of EMV TLV), 60 and 64. Card data, PIN block and MAC are test values.
 *
 * <p>Immutable and threadsafe.
 */
final class PreAuth {

  /** The data elements of the message, ascending; every decode benchmark reads all of them. */
  static final int[] FIELDS = {
    2, 3, 4, 11, 12, 13, 14, 22, 23, 25, 26, 35, 37, 41, 42, 49, 52, 55, 60, 64
  };

  /** Binary data elements: PIN block, EMV data, MAC. */
  static final int[] BINARY_FIELDS = {52, 55, 64};

  static final String MTI = "0100";
  static final String TEST_PAN = "6225880012345678";
  static final String TEST_TRACK2 = "6225880012345678=25122011234567890";
  static final String AMOUNT = "000000001000";
  static final String TEST_PIN_BLOCK_HEX = "0123456789ABCDEF";
  static final String TEST_MAC_HEX = "1122334455667788";

  /** 22 EMV data objects of an ARQC request (9F26 cryptogram, 9F10 IAD, 95 TVR, ...). */
  static final String EMV_HEX =
      "9F2608A1B2C3D4E5F607189F2701809F101307010103A0A802010A010000000000A1B2C3D49F37041A2B3C4D"
          + "9F36020042950500000080009A032601159C01039F02060000000010005F2A02015682027C009F1A02"
          + "01569F03060000000000009F3303E0E1C89F34034203009F3501229F1E0831323334353637388408A0"
          + "000003330101019F090200209F4104000001239F6310303132333435363738394142434445469F7406"
          + "454343313131";

  /** Text values by field number (null for binary fields and absent ones). */
  static final String[] TEXT = new String[65];

  static {
    TEXT[2] = TEST_PAN;
    TEXT[3] = "030000";
    TEXT[4] = AMOUNT;
    TEXT[11] = "000123";
    TEXT[12] = "101530";
    TEXT[13] = "0115";
    TEXT[14] = "2512";
    TEXT[22] = "051";
    TEXT[23] = "001";
    TEXT[25] = "06";
    TEXT[26] = "12";
    TEXT[35] = TEST_TRACK2;
    TEXT[37] = "000000000123";
    TEXT[41] = "TERM0001";
    TEXT[42] = "898440358120001";
    TEXT[49] = "156";
    TEXT[60] = "10000001000";
  }

  private PreAuth() {}

  static boolean isBinary(int field) {
    return field == 52 || field == 55 || field == 64;
  }

  static byte[] pinBlock() {
    return bytes(TEST_PIN_BLOCK_HEX);
  }

  static byte[] mac() {
    return bytes(TEST_MAC_HEX);
  }

  static byte[] emv() {
    return bytes(EMV_HEX);
  }

  /** The binary value of field 52, 55 or 64. */
  static byte[] binary(int field) {
    return field == 52 ? pinBlock() : field == 55 ? emv() : mac();
  }

  /** Field 55 as the ISO-8859-1 text jPOS (LLLCHAR) and j8583 (ASCII mode, LLLVAR) carry. */
  static String emvAsLatin1() {
    return new String(emv(), StandardCharsets.ISO_8859_1);
  }

  /** The message built with this codec's builder (which validates every value as it is set). */
  static IsoMessage escrowkit(IsoSpec spec) {
    IsoMessage.Builder b = IsoMessage.builder(spec).mti(MTI);
    for (int f : FIELDS) {
      if (isBinary(f)) {
        b.set(f, binary(f));
      } else if (f == 4) {
        b.set(4, 1000L);
      } else {
        b.set(f, TEXT[f]);
      }
    }
    return b.build();
  }

  private static byte[] bytes(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
