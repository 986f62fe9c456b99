package io.escrowkit.iso8583.xml;

import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.IsoSpecException;
import io.escrowkit.iso8583.spec.BitmapEncoding;
import io.escrowkit.iso8583.spec.FieldSpec;
import io.escrowkit.iso8583.spec.FieldType;
import io.escrowkit.iso8583.spec.MtiEncoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

/** Turns the collected packager attributes and fields into an {@link IsoSpec}. */
final class SpecAssembler {

  private final String name;
  private final PackagerHandler parsed;
  private final IsoSpec.Builder builder;
  private MtiEncoding mti;
  private BitmapEncoding bitmap;
  private int bitmaps;

  SpecAssembler(String name, PackagerHandler parsed) {
    this.name = name;
    this.parsed = parsed;
    this.builder = IsoSpec.builder(name);
  }

  IsoSpec assemble() {
    int thirdBitmapField = packagerAttributes(parsed.packager);
    for (PackagerHandler.Field f : parsed.fields) {
      try {
        field(f.attributes);
      } catch (IsoSpecException | IllegalArgumentException e) {
        throw new IsoSpecException("spec '" + name + "' line " + f.line + ": " + e.getMessage(), e);
      }
    }
    if (mti == null) {
      throw new IsoSpecException("spec '" + name + "': field 0 (the MTI) is not defined");
    }
    if (bitmap == null) {
      throw new IsoSpecException("spec '" + name + "': field 1 (the bitmap) is not defined");
    }
    if (thirdBitmapField == 65) {
      bitmaps = 3;
    }
    return builder.mti(mti).bitmap(bitmap, bitmaps).build();
  }

  /** Applies the isopackager attributes; returns thirdBitmapField or -1. */
  private int packagerAttributes(Map<String, String> a) {
    refuseUnless(a, "bitmapField", "1");
    refuseUnless(a, "emitBitmap", "true");
    if (a.containsKey("firstField")) {
      throw unsupported("the isopackager attribute firstField");
    }
    if (a.containsKey("headerLength")) {
      builder.headerLength(number(a.get("headerLength"), "headerLength"));
    }
    if (a.containsKey("thirdBitmapField")) {
      int third = number(a.get("thirdBitmapField"), "thirdBitmapField");
      if (third != 65) {
        throw unsupported("thirdBitmapField=\"" + third + "\" (only 65 is)");
      }
      return third;
    }
    return -1;
  }

  private void refuseUnless(Map<String, String> a, String attribute, String allowed) {
    if (a.containsKey(attribute) && !a.get(attribute).equals(allowed)) {
      throw unsupported(attribute + "=\"" + a.get(attribute) + "\"");
    }
  }

  private IsoSpecException unsupported(String what) {
    return new IsoSpecException("spec '" + name + "': " + what + " is not supported");
  }

  private int number(String value, String attribute) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IsoSpecException(attribute + " '" + value + "' is not a number", e);
    }
  }

  private void field(Map<String, String> a) {
    int id = number(required(a, "id"), "id");
    String cls = required(a, "class");
    int length = number(required(a, "length"), "field " + id + " length");
    if (JposClasses.isUnused(cls)) {
      return;
    }
    if (id == 0) {
      mti = MtiClasses.mti(cls, length);
    } else if (id == 1) {
      bitmap = MtiClasses.bitmap(cls);
      bitmaps = Math.max(1, Math.min(3, length / 8));
    } else {
      builder.field(data(id, cls, length, a));
    }
  }

  private FieldSpec data(int id, String cls, int length, Map<String, String> a) {
    JposClass c =
        JposClasses.field(cls)
            .orElseThrow(
                () ->
                    new IsoSpecException(
                        "field "
                            + id
                            + ": jPOS class "
                            + cls
                            + " is not supported; supported classes: "
                            + String.join(", ", JposClasses.supported())));
    FieldType type = c.type == FieldType.N && (id == 35 || id == 36) ? FieldType.Z : c.type;
    Charset charset = StandardCharsets.US_ASCII;
    if (type.isText() && c.encoding == io.escrowkit.iso8583.spec.ValueEncoding.ASCII) {
      charset =
          a.containsKey("encoding")
              ? Charset.forName(a.get("encoding"))
              : StandardCharsets.ISO_8859_1;
    }
    return new FieldSpec(
        id,
        a.getOrDefault("name", ""),
        type,
        c.kind,
        length,
        c.bcd(Boolean.parseBoolean(a.get("pad"))),
        c.lengthEncoding,
        charset,
        Collections.emptyList(),
        false);
  }

  private static String required(Map<String, String> a, String attribute) {
    String v = a.get(attribute);
    if (v == null) {
      throw new IsoSpecException("isofield without the required attribute " + attribute);
    }
    return v;
  }
}
