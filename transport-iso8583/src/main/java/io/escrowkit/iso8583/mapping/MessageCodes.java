package io.escrowkit.iso8583.mapping;

import java.util.Objects;

/**
 * What an acquirer expects on the wire for one kind of escrow request, where it departs from the
 * dialect's table (see {@code RequestCodes} and the module README): the message type, the
 * processing code (field 3) and the POS condition code (field 25). Immutable and threadsafe.
 *
 * @param mti authorization or financial request or advice: 0100, 0120, 0200 or 0220
 * @param processingCode six digits
 * @param conditionCode two digits
 */
public record MessageCodes(String mti, String processingCode, String conditionCode) {

  public MessageCodes {
    Objects.requireNonNull(mti, "mti");
    Objects.requireNonNull(processingCode, "processingCode");
    Objects.requireNonNull(conditionCode, "conditionCode");
    if (!mti.matches("0[12][02]0")) {
      throw new IllegalArgumentException(
          "mti must be a request or advice of class 1 or 2 (0100, 0120, 0200, 0220), got " + mti);
    }
    if (!processingCode.matches("[0-9]{6}")) {
      throw new IllegalArgumentException("processingCode must be 6 digits, got " + processingCode);
    }
    if (!conditionCode.matches("[0-9]{2}")) {
      throw new IllegalArgumentException("conditionCode must be 2 digits, got " + conditionCode);
    }
  }
}
