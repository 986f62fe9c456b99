package io.escrowkit.journal.jdbc.internal;

import java.util.Currency;

/** Reads the names the journal stores for enum constants and currencies. Threadsafe. */
public final class Codes {
  private Codes() {}

  /**
   * The constant named {@code value}.
   *
   * @throws DocumentException (an unknown value) when this version has no such constant
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      throw new DocumentException(
          where, "unknown " + type.getSimpleName() + " '" + value + "'", true, unknown);
    }
  }

  /** The ISO 4217 currency with this code. */
  public static Currency currency(String code, String where) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      throw new DocumentException(where, "unknown currency '" + code + "'", true, unknown);
    }
  }
}
