package io.escrowkit.journal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcJournalBuilderTest {
  @TempDir Path dir;

  @Test
  void aSecondDatabaseConflictsWithTheFirstAndSaysWhich() {
    JdbcJournalBuilder builder = JdbcJournal.builder().sqlite(dir.resolve("j.db"));

    assertThatThrownBy(() -> builder.postgres("jdbc:postgresql://h/db", "u", "p"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the database was already set (sqlite); postgres conflicts with it");
  }

  @Test
  void eachSettingMayBeGivenOnce() {
    JdbcJournalBuilder builder =
        JdbcJournal.builder()
            .durability(Durability.RELAXED)
            .groupCommit(8)
            .recoverDamaged(false)
            .checkOnOpen(true);

    assertThatThrownBy(() -> builder.durability(Durability.DURABLE))
        .hasMessage("durability was already set");
    assertThatThrownBy(() -> builder.groupCommit(2)).hasMessage("groupCommit was already set");
    assertThatThrownBy(() -> builder.recoverDamaged(true))
        .hasMessage("recoverDamaged was already set");
    assertThatThrownBy(() -> builder.checkOnOpen(false)).hasMessage("checkOnOpen was already set");
  }

  @Test
  void groupCommitNeedsAtLeastOneWrite() {
    assertThatThrownBy(() -> JdbcJournal.builder().groupCommit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1, got 0");
  }

  @Test
  void aJournalNeedsADatabase() {
    assertThatThrownBy(() -> JdbcJournal.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sqlite(..), postgres(..) or dataSource(..)");
  }

  @Test
  void anUnreachableServerIsAJournalExceptionNamingItWithoutCredentials() {
    assertThatThrownBy(
            () ->
                JdbcJournal.builder()
                    .postgres("jdbc:postgresql://127.0.0.1:1/escrow?password=secret", "u", "secret")
                    .build())
        .isInstanceOf(JdbcJournalException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/escrow")
        .hasMessageNotContaining("password=secret");
  }

  @Test
  void aJournalSqliteFileIsCreatedWithItsDirectoriesAndNoLeftovers() {
    Path file = dir.resolve("a/b/journal.db");

    try (JdbcJournal journal =
        JdbcJournal.builder().sqlite(file).durability(Durability.RELAXED).groupCommit(1).build()) {
      assertThat(journal.schemaVersion()).isEqualTo(1);
      assertThat(journal.toString()).isEqualTo("JdbcJournal[SQLite " + file.toAbsolutePath() + "]");
    }
    assertThat(file.getParent().toFile().list()).containsExactly("journal.db");
  }
}
