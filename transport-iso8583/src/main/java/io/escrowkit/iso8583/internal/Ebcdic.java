package io.escrowkit.iso8583.internal;

/**
 * EBCDIC code page 1047 (IBM1047), the page jPOS uses ({@code ISOUtil.EBCDIC}). It maps all 256
 * ISO-8859-1 characters one to one, so any char up to U+00FF has a byte. Table-driven because
 * Android ships no EBCDIC charset; a test checks it against the JDK's IBM1047.
 *
 * <p>Stateless and threadsafe.
 */
public final class Ebcdic {

  /** For each ISO-8859-1 character code, its IBM1047 byte, as hex. */
  private static final String FROM_LATIN1_HEX =
      "00010203372D2E2F1605150B0C0D0E0F101112133C3D322618193F271C1D1E1F"
          + "405A7F7B5B6C507D4D5D5C4E6B604B61F0F1F2F3F4F5F6F7F8F97A5E4C7E6E6F"
          + "7CC1C2C3C4C5C6C7C8C9D1D2D3D4D5D6D7D8D9E2E3E4E5E6E7E8E9ADE0BD5F6D"
          + "79818283848586878889919293949596979899A2A3A4A5A6A7A8A9C04FD0A107"
          + "202122232425061728292A2B2C090A1B30311A333435360838393A3B04143EFF"
          + "41AA4AB19FB26AB5BBB49A8AB0CAAFBC908FEAFABEA0B6B39DDA9B8BB7B8B9AB"
          + "6465626663679E687471727378757677AC69EDEEEBEFECBF80FDFEFBFCBAAE59"
          + "4445424643479C4854515253585556578C49CDCECBCFCCE170DDDEDBDC8D8EDF";

  private static final byte[] FROM_LATIN1 = new byte[256];
  private static final char[] TO_CHAR = new char[256];

  static {
    for (int c = 0; c < 256; c++) {
      int b = Integer.parseInt(FROM_LATIN1_HEX.substring(2 * c, 2 * c + 2), 16);
      FROM_LATIN1[c] = (byte) b;
      TO_CHAR[b] = (char) c;
    }
  }

  /** The EBCDIC space. */
  public static final byte SPACE = 0x40;

  private Ebcdic() {}

  /** Whether the char has an EBCDIC byte. */
  public static boolean canEncode(char c) {
    return c <= 0xFF;
  }

  /** The EBCDIC byte of a char up to U+00FF. */
  public static byte encode(char c) {
    return FROM_LATIN1[c];
  }

  /** The char an EBCDIC byte stands for. */
  public static char decode(byte b) {
    return TO_CHAR[b & 0xFF];
  }

  /** The value of an EBCDIC digit byte {@code F0..F9}, or -1. */
  public static int digitValue(byte b) {
    int v = (b & 0xFF) - 0xF0;
    return v >= 0 && v <= 9 ? v : -1;
  }
}
