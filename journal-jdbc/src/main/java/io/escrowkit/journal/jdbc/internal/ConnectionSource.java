package io.escrowkit.journal.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to the journal's database (a URL, or the caller's data source). */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;
}
