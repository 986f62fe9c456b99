package io.escrowkit;

import java.util.Currency;
import java.util.Objects;

/**
 * A non-negative amount of one ISO 4217 currency, held in the currency's minor units (fen for CNY,
 * yen for JPY, fils for KWD). Immutable and threadsafe.
 *
 * <p>{@code Money.of("128.00", "CNY")} is 12800 minor units; {@code Money.of("1.234", "CNY")} is
 * refused because CNY has two decimals. Arithmetic is exact and overflow is an error, never a wrap.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

  /** Longest amount text accepted, so parsing cost is bounded whatever the input. */
  private static final int MAX_TEXT_LENGTH = 40;

  public Money {
    Objects.requireNonNull(currency, "currency");
    exponentOf(currency);
    if (minorUnits < 0) {
      throw new InvalidAmountException(
          "amount must not be negative: " + minorUnits + " minor units of " + currency);
    }
  }

  /** Parses a decimal amount such as {@code "128.00"} or {@code "128"} in the given currency. */
  public static Money of(String amount, String currencyCode) {
    return of(amount, currency(currencyCode));
  }

  /** Parses a decimal amount such as {@code "128.00"} in the given currency. */
  public static Money of(String amount, Currency currency) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    return new Money(parseMinorUnits(amount, currency), currency);
  }

  /** An amount already in minor units: {@code ofMinor(12800, "CNY")} is 128.00 CNY. */
  public static Money ofMinor(long minorUnits, String currencyCode) {
    return new Money(minorUnits, currency(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /** The currency's number of decimals: 2 for CNY, 0 for JPY, 3 for KWD. */
  public int exponent() {
    return exponentOf(currency);
  }

  public boolean isZero() {
    return minorUnits == 0;
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    } catch (ArithmeticException overflow) {
      throw new InvalidAmountException("sum overflows: " + this + " + " + other);
    }
  }

  /** The difference; an error if it would be negative. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    if (other.minorUnits > minorUnits) {
      throw new InvalidAmountException("difference is negative: " + this + " - " + other);
    }
    return new Money(minorUnits - other.minorUnits, currency);
  }

  /** This amount scaled by {@code percent}/100, rounded down to a whole minor unit. */
  public Money percent(int percent) {
    if (percent < 0) {
      throw new InvalidAmountException("percent must not be negative: " + percent);
    }
    try {
      return new Money(Math.multiplyExact(minorUnits, (long) percent) / 100, currency);
    } catch (ArithmeticException overflow) {
      throw new InvalidAmountException(this + " x " + percent + "% overflows");
    }
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  /** The amount as decimal text with exactly the currency's decimals: {@code "128.00"}. */
  public String toPlainString() {
    int exponent = exponent();
    String digits = Long.toString(minorUnits);
    if (exponent == 0) {
      return digits;
    }
    int leadingZeros = Math.max(0, exponent + 1 - digits.length()); // "0.05", never ".05"
    StringBuilder text = new StringBuilder(leadingZeros + digits.length() + 1);
    for (int i = 0; i < leadingZeros; i++) {
      text.append('0');
    }
    text.append(digits);
    return text.insert(text.length() - exponent, '.').toString();
  }

  /** {@code "128.00 CNY"}. */
  @Override
  public String toString() {
    return toPlainString() + " " + currency.getCurrencyCode();
  }

  private void requireSameCurrency(Money other) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new InvalidAmountException(
          "currencies differ: " + this + " and " + other + " cannot be combined");
    }
  }

  private static Currency currency(String code) {
    Objects.requireNonNull(code, "currencyCode");
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      throw new InvalidAmountException("unknown ISO 4217 currency code: '" + code + "'");
    }
  }

  private static int exponentOf(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new InvalidAmountException(
          currency.getCurrencyCode() + " has no minor unit and cannot be a card amount");
    }
    return digits;
  }

  private static long parseMinorUnits(String text, Currency currency) {
    int exponent = exponentOf(currency);
    String where = "amount '" + text + "' in " + currency.getCurrencyCode();
    if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidAmountException(where + ": must be 1 to " + MAX_TEXT_LENGTH + " characters");
    }
    int dot = text.indexOf('.');
    String whole = dot < 0 ? text : text.substring(0, dot);
    String fraction = dot < 0 ? "" : text.substring(dot + 1);
    if (text.charAt(0) == '-') {
      throw new InvalidAmountException(where + ": must not be negative");
    }
    if (whole.isEmpty() || !allDigits(whole) || (dot >= 0 && (fraction.isEmpty() || !allDigits(fraction)))) {
      throw new InvalidAmountException(where + ": expected digits with an optional '.' and decimals");
    }
    if (fraction.length() > exponent) {
      throw new InvalidAmountException(
          where + ": " + currency.getCurrencyCode() + " has " + exponent + " decimals, got "
              + fraction.length());
    }
    long value = 0;
    try {
      for (int i = 0; i < whole.length(); i++) {
        value = Math.addExact(Math.multiplyExact(value, 10), whole.charAt(i) - '0');
      }
      for (int i = 0; i < exponent; i++) {
        int digit = i < fraction.length() ? fraction.charAt(i) - '0' : 0;
        value = Math.addExact(Math.multiplyExact(value, 10), digit);
      }
    } catch (ArithmeticException overflow) {
      throw new InvalidAmountException(where + ": too large for " + Long.MAX_VALUE + " minor units");
    }
    return value;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
