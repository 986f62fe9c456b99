package io.escrowkit.failure.internal;

/**
 * Masks anything in free text that could be a card number, so the text is safe to log. Stateless
 * and threadsafe.
 *
 * <p>A run of 12 to 19 digits is shown as its first 6 and last 4 digits with {@code *} between; a
 * longer run is masked entirely. Digits that follow such a run after a track-2 separator ({@code =}
 * or {@code D}) are masked too, so track data does not leak its discretionary data either.
 */
public final class PanMasking {

  private static final int SHORTEST_PAN = 12;
  private static final int LONGEST_PAN = 19;
  private static final int SHOWN_FIRST = 6;
  private static final int SHOWN_LAST = 4;

  private PanMasking() {}

  /** {@code text} with every PAN-like digit run masked. */
  public static String mask(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      int end = digitRunEnd(text, i);
      if (end - i >= SHORTEST_PAN) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        appendMasked(out, text, i, end);
        i = maskTrackTail(out, text, end);
      } else {
        int next = Math.max(end, i + 1);
        if (out != null) {
          out.append(text, i, next);
        }
        i = next;
      }
    }
    return out == null ? text : out.toString();
  }

  private static int digitRunEnd(String text, int from) {
    int end = from;
    while (end < text.length() && isDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static void appendMasked(StringBuilder out, String text, int start, int end) {
    int length = end - start;
    if (length > LONGEST_PAN) {
      appendStars(out, length);
      return;
    }
    out.append(text, start, start + SHOWN_FIRST);
    appendStars(out, length - SHOWN_FIRST - SHOWN_LAST);
    out.append(text, end - SHOWN_LAST, end);
  }

  /** After a PAN, masks a track-2 separator's following digits; returns where to continue. */
  private static int maskTrackTail(StringBuilder out, String text, int panEnd) {
    if (panEnd >= text.length() || (text.charAt(panEnd) != '=' && text.charAt(panEnd) != 'D')) {
      return panEnd;
    }
    int tailEnd = digitRunEnd(text, panEnd + 1);
    out.append(text.charAt(panEnd));
    appendStars(out, tailEnd - panEnd - 1);
    return tailEnd;
  }

  private static void appendStars(StringBuilder out, int count) {
    for (int k = 0; k < count; k++) {
      out.append('*');
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
