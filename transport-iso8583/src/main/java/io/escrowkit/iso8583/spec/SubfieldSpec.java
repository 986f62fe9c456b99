package io.escrowkit.iso8583.spec;

import java.util.Objects;

/**
 * One positional subfield of a composite field, such as UnionPay 60.2 (batch number, n6). Subfields
 * are laid end to end in the field's character value; a value may stop after any complete subfield.
 *
 * <p>Immutable and threadsafe.
 *
 * @param number the subfield number, counted from 1
 * @param name a human-readable name
 * @param type what the subfield may contain ({@code n}, {@code an} or {@code ans})
 * @param length the subfield's length in characters
 */
public record SubfieldSpec(int number, String name, FieldType type, int length) {

  /** Validates the definition. */
  public SubfieldSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (number < 1) {
      throw new IllegalArgumentException("subfield number must be at least 1, was " + number);
    }
    if (length < 1) {
      throw new IllegalArgumentException("subfield " + number + " length must be at least 1");
    }
    if (type == FieldType.B) {
      throw new IllegalArgumentException("subfield " + number + " cannot be binary");
    }
  }
}
