package io.escrowkit.journal.jdbc.testing;

import io.escrowkit.journal.jdbc.JdbcJournal;
import io.escrowkit.journal.jdbc.JdbcJournalBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database of the test's own, created on the server {@code scripts/postgres.sh} starts
 * and dropped on close. The server comes from {@code ESCROWKIT_PG_URL} (any database on it; the
 * role must be allowed to create databases), {@code ESCROWKIT_PG_USER} and {@code
 * ESCROWKIT_PG_PASSWORD}. When no server answers the test is skipped, or fails if {@code CI=true}.
 */
public final class PostgresTestDatabase implements AutoCloseable {
  public static final String ADMIN_URL =
      env("ESCROWKIT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String USER = env("ESCROWKIT_PG_USER", "escrowkit_test");
  public static final String PASSWORD = env("ESCROWKIT_PG_PASSWORD", "escrowkit_test");

  private static volatile String unreachable;
  private static volatile boolean probed;

  private final String name;
  private final String url;

  private PostgresTestDatabase(String name, String url) {
    this.name = name;
    this.url = url;
  }

  /** A new, empty database; skips (or fails under CI) the test when there is no server. */
  public static PostgresTestDatabase create() {
    requireServer();
    String name =
        "escrowkit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection admin = connect(ADMIN_URL);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name + ": " + e, e);
    }
    int slash = ADMIN_URL.lastIndexOf('/');
    int query = ADMIN_URL.indexOf('?', slash);
    String url =
        ADMIN_URL.substring(0, slash + 1) + name + (query < 0 ? "" : ADMIN_URL.substring(query));
    return new PostgresTestDatabase(name, url);
  }

  public String url() {
    return url;
  }

  /** A journal on this database with the default settings. */
  public JdbcJournal journal() {
    return builder().build();
  }

  /** A builder already pointed at this database. */
  public JdbcJournalBuilder builder() {
    return JdbcJournal.builder().postgres(url, USER, PASSWORD);
  }

  public Connection connection() throws SQLException {
    return connect(url);
  }

  /**
   * Drops the database. FORCE can fail when a session of another role (e.g. an autovacuum worker)
   * is on it, which this role may not terminate; then the drop is retried until that session has
   * gone, for a bounded time. A scratch database that still cannot be dropped is reported and left,
   * because its cleanup is not what any test asserts.
   */
  @Override
  public void close() {
    long giveUpAt = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
    SQLException last = null;
    do {
      try (Connection admin = connect(ADMIN_URL);
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        return;
      } catch (SQLException e) {
        last = e;
        Thread.onSpinWait();
      }
    } while (System.nanoTime() < giveUpAt);
    System.err.println("left test database " + name + " behind: " + last);
  }

  private static synchronized void requireServer() {
    if (!probed) {
      try (Connection probe = connect(ADMIN_URL)) {
        unreachable = null;
      } catch (SQLException e) {
        unreachable =
            "no PostgreSQL at "
                + ADMIN_URL
                + " as "
                + USER
                + " ("
                + e.getMessage()
                + "); start one with scripts/postgres.sh";
      }
      probed = true;
    }
    if (unreachable != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and " + unreachable);
      }
      Assumptions.abort(unreachable + " - test skipped");
    }
  }

  private static Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(url, properties);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
