package io.escrowkit.journal.jdbc;

import java.util.Objects;

/**
 * The journal is damaged or inconsistent: thrown when opening it (unless {@link
 * JdbcJournalBuilder#recoverDamaged(boolean) recoverDamaged(true)}), or when the database reports
 * damage while in use. The {@link #report()} lists what was found.
 */
public final class JournalDamagedException extends JdbcJournalException {
  private static final long serialVersionUID = 1L;

  private final transient IntegrityReport report;

  public JournalDamagedException(String message, IntegrityReport report, Throwable cause) {
    super(message + ": " + Objects.requireNonNull(report, "report").summary(), cause);
    this.report = report;
  }

  public IntegrityReport report() {
    return report;
  }
}
