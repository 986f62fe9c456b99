package io.escrowkit.iso8583;

import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.SubfieldSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Joins and splits the positional subfields of composite fields. */
final class Subfields {

  private Subfields() {}

  static String join(IsoSpec spec, int field, String... parts) {
    List<SubfieldSpec> subs = composite(spec, field).subfields();
    if (parts.length > subs.size()) {
      throw new IsoValueException(
          field, parts.length + " subfields given, the spec defines " + subs.size());
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      SubfieldSpec sub = subs.get(i);
      String part = java.util.Objects.requireNonNull(parts[i], "subfield");
      if (part.length() > sub.length()) {
        throw new IsoValueException(
            field,
            "subfield "
                + field
                + "."
                + sub.number()
                + " is "
                + part.length()
                + " characters, at most "
                + sub.length());
      }
      boolean numeric = sub.type() == FieldType.N;
      for (int pad = part.length(); numeric && pad < sub.length(); pad++) {
        sb.append('0');
      }
      sb.append(part);
      for (int pad = part.length(); !numeric && pad < sub.length(); pad++) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  /** Splits a composite value; subfields the value does not reach are left out. */
  static List<String> split(IsoSpec spec, int field, String value) {
    List<String> out = new ArrayList<>();
    int at = 0;
    for (SubfieldSpec sub : composite(spec, field).subfields()) {
      if (at >= value.length()) {
        break;
      }
      int end = Math.min(value.length(), at + sub.length());
      out.add(value.substring(at, end));
      at = end;
    }
    return Collections.unmodifiableList(out);
  }

  private static FieldSpec composite(IsoSpec spec, int field) {
    FieldSpec f =
        spec.field(field)
            .orElseThrow(
                () -> new IsoValueException(field, "is not defined by spec '" + spec.name() + "'"));
    if (!f.isComposite()) {
      throw new IsoValueException(field, "has no subfields in spec '" + spec.name() + "'");
    }
    return f;
  }
}
