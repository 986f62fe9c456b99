package io.escrowkit.iso8583;

/**
 * Bytes handed to the decoder are not a well-formed message for the spec: truncated, a length
 * prefix that is not a number or exceeds the field's maximum, a field flagged in the bitmap that
 * the spec does not define, a non-digit in a numeric field, trailing bytes.
 *
 * <p>Carries the field (a data element number, or one of the constants of {@link IsoException}),
 * the byte offset (counted from the first byte handed to the decoder) and the reason; all three
 * appear in {@link #getMessage()}. The message never contains field values, so it is safe to log.
 *
 * <p>Immutable and threadsafe.
 */
public final class IsoFormatException extends IsoException {

  private final int field;
  private final int offset;
  private final String reason;

  /**
   * @param field data element number, or a constant of {@link IsoException}
   * @param offset byte offset from the start of the decoded input, or -1 if unknown
   * @param reason what is wrong, without any field value
   */
  public IsoFormatException(int field, int offset, String reason) {
    super(format(field, offset, reason));
    this.field = field;
    this.offset = offset;
    this.reason = reason;
  }

  /** The data element number, or one of {@link #MTI}, {@link #BITMAP}, {@link #TPDU}, ... */
  public int field() {
    return field;
  }

  /** The byte offset from the start of the decoded input, or -1 if not known. */
  public int offset() {
    return offset;
  }

  /** What is wrong, without field or offset. */
  public String reason() {
    return reason;
  }

  /** Returns a copy describing the same problem at a different field and absolute offset. */
  IsoFormatException relocate(int newField, int offsetShift) {
    return new IsoFormatException(newField, offset < 0 ? -1 : offset + offsetShift, reason);
  }

  private static String format(int field, int offset, String reason) {
    String where = describe(field);
    StringBuilder sb = new StringBuilder(where.length() + reason.length() + 24).append(where);
    if (offset >= 0) {
      sb.append(where.isEmpty() ? "at offset " : " at offset ").append(offset);
    }
    if (sb.length() > 0) {
      sb.append(": ");
    }
    return sb.append(reason).toString();
  }
}
