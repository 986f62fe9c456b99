package io.escrowkit.cli;

/**
 * Masks the card data inside field 55 (BER-TLV, upper-case hex) for {@code decode --mask}: the
 * application PAN (tag 5A) as first 6 / last 4 digits, the card number in track 2 equivalent data
 * (57, 9F6B) likewise with everything after the separator hidden, and the whole value of track 1
 * data (56), track 1 and 2 discretionary data (9F1F, 9F20) and PIN data (99). Tags and lengths stay
 * as on the wire, so the structure still reads. Bytes that do not parse as BER-TLV are hidden from
 * the first one that fails to the end: masking never reveals more because the input is malformed.
 * Stateless and threadsafe.
 */
final class EmvMasking {

  private static final char HIDDEN = '*';
  private static final int MAX_DEPTH = 8;

  private EmvMasking() {}

  /** Field 55's hex with card data masked. */
  static String field55(String hex) {
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        return String.valueOf(HIDDEN).repeat(hex.length());
      }
    }
    StringBuilder out = new StringBuilder(hex.length());
    int end = walk(hex, 0, hex.length(), 1, out);
    if (end < hex.length()) {
      out.append(String.valueOf(HIDDEN).repeat(hex.length() - end));
    }
    return out.toString();
  }

  /** The value of one primitive data object, hex, as printed by {@code --mask}. */
  static String value(String tagHex, String valueHex) {
    switch (tagHex) {
      case "5A":
        return digits(valueHex, valueHex.length());
      case "57":
      case "9F6B":
        return digits(valueHex, valueHex.indexOf('D') < 0 ? valueHex.length()
            : valueHex.indexOf('D'));
      case "56":
      case "9F1F":
      case "9F20":
      case "99":
        return String.valueOf(HIDDEN).repeat(valueHex.length());
      default:
        return valueHex;
    }
  }

  /**
   * Copies the objects in {@code hex[from, end)} to {@code out}, masked; returns where it stopped
   * (before {@code end} when the bytes stop parsing).
   */
  private static int walk(String hex, int from, int end, int depth, StringBuilder out) {
    int pos = from;
    while (pos < end) {
      if (hex.startsWith("00", pos)) {
        out.append("00");
        pos += 2;
        continue;
      }
      int tagEnd = tagEnd(hex, pos, end);
      if (tagEnd < 0 || tagEnd + 2 > end) {
        return pos;
      }
      int first = hexByte(hex, tagEnd);
      int lengthBytes = first < 0x80 ? 0 : first & 0x7F;
      if (first == 0x80 || lengthBytes > 3 || tagEnd + 2 + 2 * lengthBytes > end) {
        return pos;
      }
      int length = lengthBytes == 0 ? first : 0;
      for (int i = 0; i < lengthBytes; i++) {
        length = (length << 8) | hexByte(hex, tagEnd + 2 + 2 * i);
      }
      int valueStart = tagEnd + 2 + 2 * lengthBytes;
      if (length > (end - valueStart) / 2) {
        return pos;
      }
      int valueEnd = valueStart + 2 * length;
      String tag = hex.substring(pos, tagEnd);
      out.append(hex, pos, valueStart);
      boolean constructed = (hexByte(hex, pos) & 0x20) != 0;
      if (constructed && depth < MAX_DEPTH) {
        int stopped = walk(hex, valueStart, valueEnd, depth + 1, out);
        if (stopped < valueEnd) {
          out.append(String.valueOf(HIDDEN).repeat(valueEnd - stopped));
        }
      } else if (constructed) {
        out.append(String.valueOf(HIDDEN).repeat(valueEnd - valueStart)); // too deep to look in
      } else {
        out.append(value(tag, hex.substring(valueStart, valueEnd)));
      }
      pos = valueEnd;
    }
    return pos;
  }

  /** Where the tag starting at {@code pos} ends, or -1 when it runs past {@code end}. */
  private static int tagEnd(String hex, int pos, int end) {
    if (pos + 2 > end) {
      return -1;
    }
    int at = pos;
    if ((hexByte(hex, at) & 0x1F) == 0x1F) {
      do {
        at += 2;
        if (at + 2 > end || at - pos >= 8) {
          return -1;
        }
      } while ((hexByte(hex, at) & 0x80) != 0);
    }
    return at + 2;
  }

  /** BCD digits: the first {@code panEnd} nibbles as a PAN (first 6 / last 4), the rest hidden. */
  private static String digits(String valueHex, int panEnd) {
    String pan = valueHex.substring(0, panEnd);
    int padded = pan.length();
    while (padded > 0 && pan.charAt(padded - 1) == 'F') {
      padded--;
    }
    StringBuilder sb = new StringBuilder(valueHex.length());
    sb.append(Masking.pan(pan.substring(0, padded))).append(pan, padded, pan.length());
    if (panEnd < valueHex.length()) {
      sb.append(valueHex.charAt(panEnd));
      sb.append(String.valueOf(HIDDEN).repeat(valueHex.length() - panEnd - 1));
    }
    return sb.toString();
  }

  private static int hexByte(String hex, int at) {
    int hi = Character.digit(hex.charAt(at), 16);
    int lo = Character.digit(hex.charAt(at + 1), 16);
    return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
  }
}
