package io.escrowkit.iso8583;

/**
 * Root of every exception the ISO 8583 codec throws. Unchecked; never thrown for a caller's
 * programming error such as a null argument.
 *
 * <p>Subtypes say what the caller can do: {@link IsoFormatException} (the bytes received are
 * malformed: reject the message), {@link IsoValueException} (a value given for encoding does not
 * fit the spec: fix the input) and {@link IsoSpecException} (the spec itself is unusable: fix the
 * definition).
 *
 * <p>The constants name the parts of a message that are not numbered data elements; they are used
 * as the {@code field} of subtypes that carry one.
 *
 * <p>Immutable and threadsafe.
 */
public abstract class IsoException extends RuntimeException {

  /** The error is not tied to a field (for example a standalone TLV parse). */
  public static final int NO_FIELD = -1;

  /** The transport length prefix in front of a message. */
  public static final int LENGTH_PREFIX = -2;

  /** The 5-byte TPDU in front of the header. */
  public static final int TPDU = -3;

  /** The dialect header in front of the MTI. */
  public static final int HEADER = -4;

  /** The message type indicator. */
  public static final int MTI = 0;

  /** The primary, secondary or tertiary bitmap. */
  public static final int BITMAP = 1;

  IsoException(String message) {
    super(message);
  }

  IsoException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Describes a field number for messages: "field 35", "MTI", "TPDU", ... */
  static String describe(int field) {
    switch (field) {
      case NO_FIELD:
        return "";
      case LENGTH_PREFIX:
        return "length prefix";
      case TPDU:
        return "TPDU";
      case HEADER:
        return "header";
      case MTI:
        return "MTI";
      case BITMAP:
        return "bitmap";
      default:
        return "field " + field;
    }
  }
}
