package io.escrowkit.journal.jdbc.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.escrowkit.EscrowResult;
import io.escrowkit.journal.jdbc.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLogTest {
  @TempDir Path dir;

  private static EscrowResult approved(String key) {
    return Samples.approved(Samples.rich("esc-1", Instant.parse("2026-11-25T10:00:00Z")), key);
  }

  @Test
  void aLineCutShortByAKillIsLeftOutAndTheNextChildStartsOnANewLine() throws Exception {
    Path file = dir.resolve("keys.log");
    try (KeyLog first = new KeyLog(file)) {
      first.record("hold", 0, "key-0", 12_800, "room-0", approved("key-0"));
      first.record("hold", 1, "key-1", 12_800, "room-1", approved("key-1"));
    }
    // The kill cut the last line after its first 40 bytes.
    byte[] written = Files.readAllBytes(file);
    int secondLine = new String(written, StandardCharsets.UTF_8).indexOf('\n') + 1;
    Files.write(file, java.util.Arrays.copyOf(written, secondLine + 40),
        StandardOpenOption.TRUNCATE_EXISTING);

    try (KeyLog next = new KeyLog(file)) {
      next.record("hold", 2, "key-2", 12_800, "room-2", approved("key-2"));
    }

    List<KeyLog.Entry> entries = KeyLog.read(file);
    assertThat(entries).extracting(KeyLog.Entry::key).containsExactly("key-0", "key-2");
  }
}
