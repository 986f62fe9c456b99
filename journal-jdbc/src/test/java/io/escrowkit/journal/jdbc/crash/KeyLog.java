package io.escrowkit.journal.jdbc.crash;

import io.escrowkit.EscrowResult;
import io.escrowkit.journal.jdbc.internal.RecordCodec;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The crash child's side file: one line for each operation whose result the client returned (so
 * after the journal recorded it), with what is needed to ask again: the idempotency key, the
 * operation, the escrow, the amount, the reference, and the result. A line is written with one
 * system call, but a kill can still cut it short (Linux stops a write between pages when a fatal
 * signal is pending): the next child ends such a fragment with a newline before it appends, and a
 * line that does not parse is not read back, as if the kill had come just before it.
 */
final class KeyLog implements AutoCloseable {
  /** One operation as logged. */
  record Entry(
      String key,
      String kind,
      int index,
      String escrowId,
      long amountMinor,
      String reference,
      EscrowResult result) {}

  private final FileOutputStream out;

  KeyLog(Path file) throws IOException {
    boolean cutShort = endsInFragment(file);
    this.out = new FileOutputStream(file.toFile(), true);
    if (cutShort) {
      out.write('\n');
    }
  }

  /** Whether the last child was killed while writing a line (the file does not end a line). */
  private static boolean endsInFragment(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return false;
    }
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
      raf.seek(raf.length() - 1);
      return raf.read() != '\n';
    }
  }

  synchronized void record(
      String kind, int index, String key, long amountMinor, String reference, EscrowResult result) {
    String line =
        String.join(
                "\t",
                key,
                kind,
                Integer.toString(index),
                result.escrowId(),
                Long.toString(amountMinor),
                reference,
                RecordCodec.resultToJson(result))
            + "\n";
    try {
      out.write(line.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key log", e);
    }
  }

  /** Every complete line of the log, in order. */
  static List<Entry> read(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    forEachLine(
        file,
        f ->
            entries.add(
                new Entry(
                    f[0],
                    f[1],
                    Integer.parseInt(f[2]),
                    f[3],
                    Long.parseLong(f[4]),
                    f[5],
                    RecordCodec.resultFromJson(f[6]))));
    return entries;
  }

  /** The highest escrow index logged for each worker ({@code index mod workers}). */
  static Map<Integer, Integer> lastIndexPerWorker(Path file, int workers) throws IOException {
    Map<Integer, Integer> last = new HashMap<>();
    forEachLine(
        file,
        f -> {
          int index = Integer.parseInt(f[2]);
          last.merge(index % workers, index, Math::max);
        });
    return last;
  }

  /**
   * Streams the complete lines, split into their fields; a last line without its newline (the child
   * was killed while writing it) is left out, and so is a line cut short by a kill and ended by the
   * next child (it does not parse).
   */
  private static void forEachLine(Path file, Consumer<String[]> action) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    // InputStreamReader replaces a character cut by the kill instead of failing on it.
    try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            acceptUnlessCut(line.toString(), action);
            line.setLength(0);
          } else {
            line.append(buffer[i]);
          }
        }
      }
    }
  }

  private static void acceptUnlessCut(String line, Consumer<String[]> action) {
    try {
      action.accept(line.split("\t", 7));
    } catch (RuntimeException cutShort) {
      // Fewer fields, a number or the JSON cut off: a fragment left by a kill. (The writer writes
      // whole lines only; RecordCodec's own tests cover lines that do not parse.)
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
