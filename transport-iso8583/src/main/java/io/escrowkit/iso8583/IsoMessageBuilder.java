package io.escrowkit.iso8583;

import io.escrowkit.iso8583.internal.Bitmaps;
import io.escrowkit.iso8583.internal.Mti;
import java.util.Objects;

/** The state of {@link IsoMessage.Builder} and its checks of MTI, TPDU and header. */
abstract class IsoMessageBuilder {

  private static final byte[] NONE = new byte[0];

  final IsoSpec spec;
  final Object[] values;

  /** The fields set, one bit each as in a bitmap (field 1 is the top bit of word 0). */
  final long[] present = new long[3];

  String mti;
  byte[] tpdu = NONE;
  byte[] header = NONE;

  IsoMessageBuilder(IsoSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.values = new Object[spec.maxField() + 1];
  }

  final void setMti(String value) {
    Objects.requireNonNull(value, "mti");
    if (!Mti.isValid(value)) {
      throw new IsoValueException(IsoException.MTI, "must be exactly four decimal digits");
    }
    this.mti = value;
  }

  final void setTpdu(byte[] value) {
    Objects.requireNonNull(value, "tpdu");
    if (!spec.hasTpdu()) {
      throw new IsoValueException(IsoException.TPDU, "spec '" + spec.name() + "' has no TPDU");
    }
    if (value.length != IsoSpec.TPDU_LENGTH) {
      throw new IsoValueException(IsoException.TPDU, "must be 5 bytes, was " + value.length);
    }
    this.tpdu = value.clone();
  }

  final void setHeader(byte[] value) {
    Objects.requireNonNull(value, "header");
    if (spec.headerLength() == 0) {
      throw new IsoValueException(IsoException.HEADER, "spec '" + spec.name() + "' has no header");
    }
    if (value.length != spec.headerLength()) {
      throw new IsoValueException(
          IsoException.HEADER, "must be " + spec.headerLength() + " bytes, was " + value.length);
    }
    this.header = value.clone();
  }

  final void put(int field, Object prepared) {
    values[field] = prepared;
    present[(field - 1) >>> 6] |= Bitmaps.bit(field);
  }

  final void clear(int field) {
    if (field >= 1 && field < values.length) {
      values[field] = null;
      present[(field - 1) >>> 6] &= ~Bitmaps.bit(field);
    }
  }

  final void checkComplete() {
    if (mti == null) {
      throw new IsoValueException(IsoException.MTI, "is missing");
    }
    if (spec.hasTpdu() && tpdu.length == 0) {
      throw new IsoValueException(
          IsoException.TPDU, "is missing: spec '" + spec.name() + "' starts with a 5-byte TPDU");
    }
    if (spec.headerLength() > 0 && header.length == 0) {
      throw new IsoValueException(
          IsoException.HEADER,
          "is missing: spec '" + spec.name() + "' has a " + spec.headerLength() + "-byte header");
    }
  }
}
