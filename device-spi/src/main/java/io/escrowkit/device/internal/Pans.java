package io.escrowkit.device.internal;

/** PAN checks and masking shared by the API values. Stateless and threadsafe. */
public final class Pans {

  /** Shortest PAN accepted (ISO/IEC 7812 allows 8, but card networks issue 12 and longer). */
  public static final int MIN_LENGTH = 12;

  /** Longest PAN ISO/IEC 7812 allows. */
  public static final int MAX_LENGTH = 19;

  private static final int SHOWN_PREFIX = 6;
  private static final int SHOWN_SUFFIX = 4;

  private Pans() {}

  /** True when {@code text} is only ASCII digits and not empty. */
  public static boolean isDigits(CharSequence text) {
    if (text.length() == 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** True when the digits pass the Luhn (mod 10) check; {@code digits} must be all digits. */
  public static boolean passesLuhn(CharSequence digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /**
   * First six and last four characters with the rest replaced by {@code '*'}: {@code
   * 6200000000000005} becomes {@code 620000******0005}. Text shorter than the shortest PAN ({@value
   * #MIN_LENGTH}) is replaced entirely, so a mistyped fragment of a PAN never shows either (first
   * six and last four of 11 digits would be all but one).
   */
  public static String mask(CharSequence pan) {
    int length = pan.length();
    char[] masked = new char[length];
    for (int i = 0; i < length; i++) {
      boolean shown =
          length >= MIN_LENGTH && (i < SHOWN_PREFIX || i >= length - SHOWN_SUFFIX);
      masked[i] = shown ? pan.charAt(i) : '*';
    }
    return new String(masked);
  }
}
