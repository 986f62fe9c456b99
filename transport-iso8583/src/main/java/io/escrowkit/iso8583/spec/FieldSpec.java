package io.escrowkit.iso8583.spec;

import io.escrowkit.iso8583.IsoSpecException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The definition of one data element: what it holds, how long it is and how it is laid out on the
 * wire. Immutable; validated on construction, so a spec that builds is one the codec can use.
 *
 * <p>Start from {@link #fixed} or {@link #variable} and refine with the {@code with...} methods:
 *
 * <pre>{@code
 * FieldSpec.variable(2, FieldType.N, LengthKind.LL, 19,
 *     ValueEncoding.BCD_RIGHT_PADDED, LengthEncoding.BCD).withName("PAN")
 * FieldSpec.fixed(43, FieldType.ANS, 40, ValueEncoding.ASCII).withCharset(Charset.forName("GBK"))
 * }</pre>
 *
 * <p>Immutable and threadsafe.
 *
 * @param number the data element number, 2 to 192
 * @param name a human-readable name (may be empty)
 * @param type what the field may contain
 * @param lengthKind fixed, or the number of digits of the length prefix
 * @param maxLength the fixed length, or the maximum for variable fields, in units (see {@link
 *     ValueEncoding})
 * @param valueEncoding how the value is laid out
 * @param lengthEncoding how the length prefix is written ({@link LengthEncoding#NONE} for fixed)
 * @param charset the charset of {@code an}/{@code ans} fields in {@link ValueEncoding#ASCII}; must
 *     be ASCII-compatible; US-ASCII for everything else
 * @param subfields positional subfields of a composite field, or empty
 * @param tlv whether a binary field's content is BER-TLV (EMV field 55)
 */
public record FieldSpec(
    int number,
    String name,
    FieldType type,
    LengthKind lengthKind,
    int maxLength,
    ValueEncoding valueEncoding,
    LengthEncoding lengthEncoding,
    Charset charset,
    List<SubfieldSpec> subfields,
    boolean tlv) {

  /** The largest fixed length accepted. */
  public static final int MAX_FIXED_LENGTH = 9999;

  /** Validates the definition and copies the subfield list. */
  public FieldSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(lengthKind, "lengthKind");
    Objects.requireNonNull(valueEncoding, "valueEncoding");
    Objects.requireNonNull(lengthEncoding, "lengthEncoding");
    Objects.requireNonNull(charset, "charset");
    subfields = Collections.unmodifiableList(new ArrayList<>(subfields));
    FieldSpecRules.check(
        number,
        type,
        lengthKind,
        maxLength,
        valueEncoding,
        lengthEncoding,
        charset,
        subfields,
        tlv);
  }

  /** A fixed-length field with no name, US-ASCII text and no subfields. */
  public static FieldSpec fixed(int number, FieldType type, int length, ValueEncoding encoding) {
    return new FieldSpec(
        number,
        "",
        type,
        LengthKind.FIXED,
        length,
        encoding,
        LengthEncoding.NONE,
        StandardCharsets.US_ASCII,
        Collections.emptyList(),
        false);
  }

  /** A variable-length field with no name, US-ASCII text and no subfields. */
  public static FieldSpec variable(
      int number,
      FieldType type,
      LengthKind kind,
      int maxLength,
      ValueEncoding encoding,
      LengthEncoding lengthEncoding) {
    return new FieldSpec(
        number,
        "",
        type,
        kind,
        maxLength,
        encoding,
        lengthEncoding,
        StandardCharsets.US_ASCII,
        Collections.emptyList(),
        false);
  }

  /** Returns a copy with the given name. */
  public FieldSpec withName(String newName) {
    return new FieldSpec(
        number,
        newName,
        type,
        lengthKind,
        maxLength,
        valueEncoding,
        lengthEncoding,
        charset,
        subfields,
        tlv);
  }

  /** Returns a copy whose text is in the given charset (an/ans fields in ASCII encoding only). */
  public FieldSpec withCharset(Charset newCharset) {
    return new FieldSpec(
        number,
        name,
        type,
        lengthKind,
        maxLength,
        valueEncoding,
        lengthEncoding,
        newCharset,
        subfields,
        tlv);
  }

  /** Returns a copy with the given positional subfields. */
  public FieldSpec withSubfields(SubfieldSpec... newSubfields) {
    return new FieldSpec(
        number,
        name,
        type,
        lengthKind,
        maxLength,
        valueEncoding,
        lengthEncoding,
        charset,
        Arrays.asList(newSubfields),
        tlv);
  }

  /** Returns a copy marked as carrying BER-TLV data (binary fields only). */
  public FieldSpec withTlv() {
    return new FieldSpec(
        number,
        name,
        type,
        lengthKind,
        maxLength,
        valueEncoding,
        lengthEncoding,
        charset,
        subfields,
        true);
  }

  /** Whether the field has a fixed length. */
  public boolean isFixed() {
    return lengthKind == LengthKind.FIXED;
  }

  /** Whether the field has positional subfields. */
  public boolean isComposite() {
    return !subfields.isEmpty();
  }

  /** A short description for messages, such as {@code "n..19 LL BCD"}. */
  public String describe() {
    String t = type == FieldType.XN ? "x+n" : type.name().toLowerCase(java.util.Locale.ROOT);
    return isFixed()
        ? t + maxLength + " " + valueEncoding
        : t + ".." + maxLength + " " + lengthKind + "/" + lengthEncoding + " " + valueEncoding;
  }

  /** Throws {@link IsoSpecException} naming this field. */
  static IsoSpecException invalid(int number, String reason) {
    return new IsoSpecException("field " + number + ": " + reason);
  }
}
