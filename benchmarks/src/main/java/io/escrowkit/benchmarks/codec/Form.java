package io.escrowkit.benchmarks.codec;

import io.escrowkit.iso8583.IsoSpec;
import io.escrowkit.iso8583.Specs;
import org.jpos.iso.ISOBasePackager;
import org.jpos.iso.packager.ISO87APackager;
import org.jpos.iso.packager.ISO87BPackager;

/**
 * The two ISO 8583:1987 wire forms benchmarked, as each library spells them. Threadsafe (the
 * objects it creates are not shared).
 */
enum Form {
  /** ASCII MTI, hex bitmap, ASCII numbers and lengths, binary fields as hex (55: raw bytes). */
  ASCII,
  /** BCD MTI, binary bitmap, BCD numbers and lengths, raw binary fields. */
  BINARY;

  /** The form named by a JMH parameter: {@code ascii} or {@code binary}. */
  static Form of(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  boolean binary() {
    return this == BINARY;
  }

  /** This codec's built-in spec for the form. */
  IsoSpec spec() {
    return binary() ? Specs.iso87Binary() : Specs.iso87Ascii();
  }

  /** jPOS's packager for the form (wire-identical to {@link #spec()}). */
  ISOBasePackager jposPackager() {
    return binary() ? new ISO87BPackager() : new ISO87APackager();
  }
}
