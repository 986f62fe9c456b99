package io.escrowkit.benchmarks.journal;

import io.escrowkit.journal.jdbc.Durability;
import io.escrowkit.journal.jdbc.JdbcJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** SQLite journals in a temporary directory, removed afterwards. Not threadsafe. */
final class TempJournals implements AutoCloseable {
  private final Path dir;

  TempJournals() {
    try {
      dir = Files.createTempDirectory("escrowkit-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JdbcJournal open(Durability durability, int groupCommit) {
    return JdbcJournal.builder()
        .sqlite(dir.resolve("journal.db"))
        .durability(durability)
        .groupCommit(groupCommit)
        .build();
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + dir, e);
    }
  }
}
