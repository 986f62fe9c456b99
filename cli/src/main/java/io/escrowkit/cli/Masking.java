package io.escrowkit.cli;

import io.escrowkit.device.internal.Pans;

/**
 * What {@code decode --mask} hides (without it, decode prints what it decoded): the card number as
 * first 6 / last 4 (fields 2 and 34, and the card number at the start of track 2 in field 35),
 * every other character of track data (fields 35, 36 and track 1 in 45) except the separators,
 * the whole PIN block (52), and the card data inside field 55's EMV data objects ({@link
 * EmvMasking}). Everything else is printed as decoded. Stateless and threadsafe.
 */
final class Masking {

  private static final char HIDDEN = '*';

  private Masking() {}

  /** The value to print for a field. */
  static String field(int field, String value) {
    switch (field) {
      case 2:
      case 34:
        return pan(value);
      case 35:
        return track2(value);
      case 36:
      case 45:
        return allButSeparators(value, 0);
      case 52:
        return String.valueOf(HIDDEN).repeat(value.length());
      case 55:
        return EmvMasking.field55(value);
      default:
        return value;
    }
  }

  /**
   * First 6 and last 4 of a card number of 12 digits or more (the shortest PAN); shorter numbers
   * keep only their last 4, or half of them when shorter still.
   */
  static String pan(String pan) {
    int keepHead = pan.length() >= Pans.MIN_LENGTH ? 6 : 0;
    int keepTail = Math.min(4, pan.length() / 2);
    StringBuilder sb = new StringBuilder(pan.length());
    for (int i = 0; i < pan.length(); i++) {
      boolean shown = i < keepHead || i >= pan.length() - keepTail;
      sb.append(shown ? pan.charAt(i) : HIDDEN);
    }
    return sb.toString();
  }

  /** Track 2: the card number masked as a PAN, the rest hidden after the separator. */
  private static String track2(String track) {
    int sep = 0;
    while (sep < track.length() && !isSeparator(track.charAt(sep)) && track.charAt(sep) != 'D') {
      sep++;
    }
    String head = pan(track.substring(0, sep));
    return sep == track.length()
        ? head
        : head + track.charAt(sep) + allButSeparators(track, sep + 1);
  }

  private static String allButSeparators(String value, int from) {
    StringBuilder sb = new StringBuilder(value.length() - from);
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      sb.append(isSeparator(c) ? c : HIDDEN);
    }
    return sb.toString();
  }

  private static boolean isSeparator(char c) {
    return c == '=' || c == '^';
  }
}
