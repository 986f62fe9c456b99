package io.escrowkit.journal.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection, inside whatever transaction the caller runs it in. */
@FunctionalInterface
public interface SqlFunction<T> {
  T apply(Connection connection) throws SQLException;
}
