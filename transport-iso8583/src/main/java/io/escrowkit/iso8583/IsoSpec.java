package io.escrowkit.iso8583;

import io.escrowkit.iso8583.internal.FieldCodec;
import io.escrowkit.iso8583.spec.BitmapEncoding;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.MtiEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message dialect as data: what precedes the MTI (TPDU, header), how the MTI and bitmaps are
 * written, and every data element's {@link FieldSpec}. Built-in specs are in {@link Specs}; jPOS
 * GenericPackager files load with {@link io.escrowkit.iso8583.xml.GenericPackagerLoader}.
 *
 * <p>Immutable and threadsafe: share one instance per dialect. Building it compiles a codec per
 * field, so build once, not per message.
 */
public final class IsoSpec {

  /** The size of a TPDU. */
  public static final int TPDU_LENGTH = 5;

  private final String name;
  private final MtiEncoding mtiEncoding;
  private final BitmapEncoding bitmapEncoding;
  private final int maxBitmaps;
  private final boolean tpdu;
  private final int headerLength;
  private final FieldSpec[] fields;
  private final FieldCodec[] codecs;
  private final int[] fixedWire;

  private IsoSpec(Builder b) {
    this.name = b.name;
    this.mtiEncoding = b.mtiEncoding;
    this.bitmapEncoding = b.bitmapEncoding;
    this.maxBitmaps = b.maxBitmaps;
    this.tpdu = b.tpdu;
    this.headerLength = b.headerLength;
    this.fields = new FieldSpec[64 * maxBitmaps + 1];
    this.codecs = new FieldCodec[fields.length];
    this.fixedWire = new int[fields.length];
    for (FieldSpec f : b.fields) {
      if (f == null) {
        continue;
      }
      if (f.number() >= fields.length) {
        throw new IsoSpecException(
            "spec '"
                + name
                + "': field "
                + f.number()
                + " needs more than "
                + maxBitmaps
                + " bitmap(s)");
      }
      if (maxBitmaps == 3 && f.number() == 65) {
        throw new IsoSpecException(
            "spec '" + name + "': field 65 flags the tertiary bitmap and cannot carry data");
      }
      fields[f.number()] = f;
      codecs[f.number()] = FieldCodec.of(f);
      fixedWire[f.number()] = f.isFixed() ? codecs[f.number()].wireLength(f.maxLength()) : -1;
    }
  }

  /** Starts a spec: ASCII MTI, two hex-ASCII bitmaps, no TPDU, no header, no fields. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding this spec's settings, to derive a variant. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.mtiEncoding = mtiEncoding;
    b.bitmapEncoding = bitmapEncoding;
    b.maxBitmaps = maxBitmaps;
    b.tpdu = tpdu;
    b.headerLength = headerLength;
    b.fields = Arrays.copyOf(fields, 193);
    return b;
  }

  /** The spec's name, as used in messages. */
  public String name() {
    return name;
  }

  /** How the MTI is written. */
  public MtiEncoding mtiEncoding() {
    return mtiEncoding;
  }

  /** How bitmaps are written. */
  public BitmapEncoding bitmapEncoding() {
    return bitmapEncoding;
  }

  /** 1 (fields up to 64), 2 (up to 128) or 3 (up to 192, field 65 flags the third bitmap). */
  public int maxBitmaps() {
    return maxBitmaps;
  }

  /** Whether every message starts with a 5-byte TPDU. */
  public boolean hasTpdu() {
    return tpdu;
  }

  /** The length of the dialect header between TPDU and MTI (0 if none). */
  public int headerLength() {
    return headerLength;
  }

  /** The highest data element number this spec's bitmaps can flag. */
  public int maxField() {
    return fields.length - 1;
  }

  /** The definition of a data element, if the spec has one. */
  public Optional<FieldSpec> field(int number) {
    return number >= 0 && number < fields.length
        ? Optional.ofNullable(fields[number])
        : Optional.empty();
  }

  /** Every defined data element, by number. */
  public List<FieldSpec> fields() {
    List<FieldSpec> out = new ArrayList<>();
    for (FieldSpec f : fields) {
      if (f != null) {
        out.add(f);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The wire length of a defined fixed field, or -1 for a variable field. */
  int fixedWireLength(int number) {
    return fixedWire[number];
  }

  /** The codec of a field, or null if undefined. */
  FieldCodec codec(int number) {
    return number >= 0 && number < codecs.length ? codecs[number] : null;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof IsoSpec)) {
      return false;
    }
    IsoSpec s = (IsoSpec) o;
    return name.equals(s.name)
        && mtiEncoding == s.mtiEncoding
        && bitmapEncoding == s.bitmapEncoding
        && maxBitmaps == s.maxBitmaps
        && tpdu == s.tpdu
        && headerLength == s.headerLength
        && Arrays.equals(fields, s.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, mtiEncoding, bitmapEncoding, maxBitmaps, tpdu, headerLength)
        + 31 * Arrays.hashCode(fields);
  }

  @Override
  public String toString() {
    return "IsoSpec["
        + name
        + ": MTI "
        + mtiEncoding
        + ", "
        + maxBitmaps
        + " "
        + bitmapEncoding
        + " bitmap(s)"
        + (tpdu ? ", TPDU" : "")
        + (headerLength > 0 ? ", header " + headerLength : "")
        + ", "
        + fields().size()
        + " fields]";
  }

  /**
   * Collects a spec's settings. Not threadsafe. Setting the same thing twice on one builder, or
   * defining a field twice, fails at once; {@link #replaceField} is the way to change a field of a
   * derived spec. {@link #build()} copies, so reusing a builder never changes what it built.
   */
  public static final class Builder {
    private final String name;
    private MtiEncoding mtiEncoding = MtiEncoding.ASCII;
    private BitmapEncoding bitmapEncoding = BitmapEncoding.HEX_ASCII;
    private int maxBitmaps = 2;
    private boolean tpdu;
    private int headerLength;
    private FieldSpec[] fields = new FieldSpec[193];
    private final List<String> set = new ArrayList<>();

    Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    private void once(String setting) {
      if (set.contains(setting)) {
        throw new IsoSpecException("spec '" + name + "': " + setting + " was already set");
      }
      set.add(setting);
    }

    /** How the MTI is written. */
    public Builder mti(MtiEncoding encoding) {
      once("mti");
      this.mtiEncoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /** How bitmaps are written and how many there may be (1 to 3). */
    public Builder bitmap(BitmapEncoding encoding, int maxBitmaps) {
      once("bitmap");
      if (maxBitmaps < 1 || maxBitmaps > 3) {
        throw new IsoSpecException("spec '" + name + "': 1 to 3 bitmaps, not " + maxBitmaps);
      }
      this.bitmapEncoding = Objects.requireNonNull(encoding, "encoding");
      this.maxBitmaps = maxBitmaps;
      return this;
    }

    /** Every message starts with a 5-byte TPDU. */
    public Builder tpdu() {
      once("tpdu");
      this.tpdu = true;
      return this;
    }

    /** A dialect header of this many bytes sits between TPDU and MTI. */
    public Builder headerLength(int length) {
      once("headerLength");
      if (length < 0 || length > 255) {
        throw new IsoSpecException("spec '" + name + "': header length 0 to 255, not " + length);
      }
      this.headerLength = length;
      return this;
    }

    /** Defines a field; defining the same number twice fails. */
    public Builder field(FieldSpec field) {
      Objects.requireNonNull(field, "field");
      if (fields[field.number()] != null) {
        throw new IsoSpecException(
            "spec '" + name + "': field " + field.number() + " is defined twice");
      }
      fields[field.number()] = field;
      return this;
    }

    /** Defines or redefines a field. */
    public Builder replaceField(FieldSpec field) {
      fields[Objects.requireNonNull(field, "field").number()] = field;
      return this;
    }

    /** Removes a field's definition, if any. */
    public Builder removeField(int number) {
      if (number >= 0 && number < fields.length) {
        fields[number] = null;
      }
      return this;
    }

    /** Builds the spec, compiling a codec per field. */
    public IsoSpec build() {
      Builder copy = new Builder(name);
      copy.mtiEncoding = mtiEncoding;
      copy.bitmapEncoding = bitmapEncoding;
      copy.maxBitmaps = maxBitmaps;
      copy.tpdu = tpdu;
      copy.headerLength = headerLength;
      copy.fields = fields.clone();
      return new IsoSpec(copy);
    }
  }
}
