package io.escrowkit.journal.jdbc;

import java.util.List;
import java.util.Objects;

/**
 * What an integrity check of a journal found. Immutable.
 *
 * @param journal which journal (file path or database URL without credentials)
 * @param problems everything found wrong, empty when the journal is healthy
 * @param problemsOmitted problems found beyond the ones listed (the check lists at most {@value
 *     #MAX_LISTED})
 */
public record IntegrityReport(
    String journal, List<IntegrityProblem> problems, int problemsOmitted) {

  /** Most problems a report lists; the rest are counted. */
  public static final int MAX_LISTED = 100;

  public IntegrityReport {
    Objects.requireNonNull(journal, "journal");
    problems = List.copyOf(problems);
    if (problemsOmitted < 0) {
      throw new IllegalArgumentException("problemsOmitted must not be negative");
    }
  }

  /** True when nothing is wrong. */
  public boolean healthy() {
    return problems.isEmpty();
  }

  /**
   * {@code 3 problems in /data/journal.db: STORAGE file: ...; ORPHAN ...}, or that it is healthy.
   */
  public String summary() {
    if (healthy()) {
      return journal + " is healthy";
    }
    StringBuilder text = new StringBuilder();
    int total = problems.size() + problemsOmitted;
    text.append(total).append(total == 1 ? " problem in " : " problems in ").append(journal);
    int shown = Math.min(problems.size(), 5);
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? ": " : "; ").append(problems.get(i));
    }
    if (total > shown) {
      text.append("; and ").append(total - shown).append(" more");
    }
    return text.toString();
  }
}
