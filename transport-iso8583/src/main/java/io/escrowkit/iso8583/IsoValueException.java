package io.escrowkit.iso8583;

/**
 * A value given for encoding does not fit its field's definition: a non-digit in an {@code n}
 * field, a value longer than the maximum, a field the spec does not define, a missing MTI, a TPDU
 * or header of the wrong size. Thrown by {@link IsoMessage.Builder} as soon as the value is set.
 *
 * <p>The message names the field and the reason but never repeats the value, so it is safe to log
 * even when the value was a card number.
 *
 * <p>Immutable and threadsafe.
 */
public final class IsoValueException extends IsoException {

  private final int field;
  private final String reason;

  /**
   * @param field data element number, or a constant of {@link IsoException}
   * @param reason what is wrong, without the value itself
   */
  public IsoValueException(int field, String reason) {
    super(describe(field).isEmpty() ? reason : describe(field) + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The data element number, or one of {@link #MTI}, {@link #TPDU}, {@link #HEADER}, ... */
  public int field() {
    return field;
  }

  /** What is wrong, without the field. */
  public String reason() {
    return reason;
  }
}
