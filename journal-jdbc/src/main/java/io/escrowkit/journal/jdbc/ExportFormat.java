package io.escrowkit.journal.jdbc;

/** How {@link JdbcJournal#exportEscrows} writes escrows for reconciliation. */
public enum ExportFormat {
  /**
   * One JSON object a line: the complete snapshot as the journal stores it (amounts in minor units
   * with their currency, instants in ISO 8601, card as masked PAN only).
   */
  JSON_LINES,
  /**
   * RFC 4180 CSV with a header row: one row an escrow, amounts as decimals in the currency's own
   * exponent, instants in ISO 8601.
   */
  CSV
}
