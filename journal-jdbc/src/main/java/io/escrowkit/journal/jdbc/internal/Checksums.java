package io.escrowkit.journal.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** The CRC-32C the journal stores next to each document, to tell a damaged one. Threadsafe. */
public final class Checksums {
  private Checksums() {}

  public static long of(String document) {
    CRC32C crc = new CRC32C();
    crc.update(document.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
