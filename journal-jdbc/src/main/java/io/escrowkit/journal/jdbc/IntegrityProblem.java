package io.escrowkit.journal.jdbc;

import java.util.Objects;

/**
 * One thing wrong with a journal, as {@link JdbcJournal#check()} found it. Immutable.
 *
 * @param kind what sort of damage
 * @param where the table and row (or file) concerned, e.g. {@code escrow esc_123}
 * @param detail what was found, safe to log (never card data)
 */
public record IntegrityProblem(Kind kind, String where, String detail) {

  /** The sorts of damage the check tells apart. */
  public enum Kind {
    /** The database engine reports damage: pages, b-trees, file size, unreadable file. */
    STORAGE,
    /** The schema is missing, foreign, or of another version. */
    SCHEMA,
    /** A stored document cannot be read back, or its checksum does not match. */
    UNREADABLE,
    /** A value this version does not know (an escrow state, an operation, a currency). */
    UNKNOWN_VALUE,
    /** A row refers to an escrow the journal does not hold. */
    ORPHAN,
    /** An escrow's columns, document and history disagree about its version or state. */
    INCONSISTENT
  }

  public IntegrityProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + " " + where + ": " + detail;
  }
}
