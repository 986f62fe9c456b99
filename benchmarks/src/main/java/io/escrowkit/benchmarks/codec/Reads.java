package io.escrowkit.benchmarks.codec;

import com.solab.iso8583.IsoMessage;
import java.nio.charset.StandardCharsets;

/** How each peer hands out a binary field as bytes. Stateless and threadsafe. */
final class Reads {

  private Reads() {}

  /**
   * A binary field of a parsed j8583 message as bytes: its value for BINARY and LLLBIN, the
   * ISO-8859-1 bytes of the text for field 55 carried as LLLVAR in ASCII mode (as jPOS's {@code
   * getBytes} does for its LLLCHAR field 55).
   */
  static byte[] j8583Bytes(IsoMessage m, int field) {
    Object v = m.getObjectValue(field);
    return v instanceof byte[] ? (byte[]) v : v.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
