package io.escrowkit.journal.jdbc.internal;

import io.escrowkit.journal.jdbc.IntegrityProblem;
import io.escrowkit.journal.jdbc.IntegrityProblem.Kind;
import io.escrowkit.journal.jdbc.JdbcJournalException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the journal does with SQLite files themselves: creates a new journal all at once (built
 * under a temporary name, then linked into place, so a crash never leaves a half-made journal under
 * the real name), compares the file's length with what its header says, moves a damaged journal
 * aside, and syncs copies. Threadsafe (stateless).
 */
public final class SqliteFiles {
  private static final Logger log = LoggerFactory.getLogger(SqliteFiles.class);
  private static final int WAL_HEADER_BYTES = 32;
  private static final int HEADER_BYTES = 100;
  private static final String MAGIC = "SQLite format 3\0";

  private SqliteFiles() {}

  /** The SQLite JDBC URL of {@code file}. */
  public static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /** Fills a new file at a temporary path. */
  @FunctionalInterface
  public interface FileBuilder {
    void build(Path temp) throws IOException, SQLException;
  }

  /**
   * Creates the journal file if it does not exist, with {@code initialize} run on a connection to
   * the new database (see {@link #buildThenLink}); if another process created {@code file}
   * meanwhile, theirs is kept.
   */
  public static void createIfMissing(Path file, SqlFunction<Void> initialize) {
    Path absolute = file.toAbsolutePath();
    if (Files.exists(absolute)) {
      return;
    }
    boolean ours =
        buildThenLink(
            absolute,
            temp -> {
              try (Connection connection = DriverManager.getConnection(url(temp))) {
                initialize.apply(connection);
              }
            });
    if (!ours) {
      log.info("journal {} was created by another process meanwhile; using theirs", absolute);
    }
  }

  /**
   * Builds a file under a temporary name next to {@code target}, syncs it, and hard-links it to
   * {@code target}, so that {@code target} never exists half-made. Returns false, and leaves {@code
   * target} alone, if it existed by then.
   */
  public static boolean buildThenLink(Path target, FileBuilder builder) {
    Path absolute = target.toAbsolutePath();
    Path temp = null;
    try {
      Path dir = absolute.getParent();
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, absolute.getFileName() + ".", ".creating");
      Files.delete(temp); // the builder creates it: SQLite refuses to write into a non-empty file
      builder.build(temp);
      sync(temp);
      try {
        link(absolute, temp);
      } catch (FileAlreadyExistsException raced) {
        return false;
      }
      syncDirectory(dir);
      return true;
    } catch (IOException | SQLException e) {
      throw new JdbcJournalException("could not create " + absolute + ": " + e, e);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * Makes {@code temp} appear at {@code target} all at once: a hard link, which fails if the target
   * exists; where the file system has no hard links, a move that refuses an existing target
   * (checked just before, not atomically).
   */
  private static void link(Path target, Path temp) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException exists) {
      throw exists;
    } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
      log.debug("no hard links for {}; moving it into place", target, noHardLinks);
      Files.move(temp, target);
    }
  }

  /**
   * Compares the file's length with the page count in its header (read from the file itself, so
   * this works when SQLite cannot open it): bytes after the last page (garbage appended), a length
   * that is not whole pages, or missing pages when no WAL holds them (truncation). The header's
   * count is used only when SQLite marks it valid.
   */
  public static List<IntegrityProblem> checkLength(Path file) {
    List<IntegrityProblem> problems = new ArrayList<>();
    String where = "file " + file;
    byte[] header = new byte[HEADER_BYTES];
    long length;
    long walLength;
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(header, 0, HEADER_BYTES);
      length = Files.size(file);
      Path wal = walOf(file);
      walLength = Files.exists(wal) ? Files.size(wal) : 0;
    } catch (IOException e) {
      problems.add(new IntegrityProblem(Kind.STORAGE, where, "unreadable: " + e));
      return problems;
    }
    if (read < HEADER_BYTES
        || !new String(header, 0, MAGIC.length(), StandardCharsets.US_ASCII).equals(MAGIC)) {
      problems.add(
          new IntegrityProblem(Kind.STORAGE, where, "has no SQLite header (" + length + " bytes)"));
      return problems;
    }
    int rawPageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
    long pageSize = rawPageSize == 1 ? 65_536 : rawPageSize;
    long pages = readInt(header, 28);
    boolean countValid = pages > 0 && readInt(header, 24) == readInt(header, 92);
    if (pageSize < 512 || length % pageSize != 0) {
      problems.add(
          new IntegrityProblem(
              Kind.STORAGE,
              where,
              "length " + length + " is not a whole number of " + pageSize + "-byte pages"));
    }
    if (!countValid) {
      return problems;
    }
    long expected = pageSize * pages;
    if (length > expected) {
      problems.add(
          new IntegrityProblem(
              Kind.STORAGE,
              where,
              (length - expected)
                  + " bytes after the last of its "
                  + pages
                  + " pages (garbage appended?)"));
    } else if (length < expected && walLength <= WAL_HEADER_BYTES) {
      problems.add(
          new IntegrityProblem(
              Kind.STORAGE,
              where,
              "header says "
                  + pages
                  + " pages of "
                  + pageSize
                  + " bytes but the file has "
                  + length
                  + " bytes (truncated?)"));
    }
    return problems;
  }

  private static long readInt(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xffL) << 24)
        | ((bytes[offset + 1] & 0xffL) << 16)
        | ((bytes[offset + 2] & 0xffL) << 8)
        | (bytes[offset + 3] & 0xffL);
  }

  /**
   * Renames the journal and its WAL and shared-memory files to {@code <name>.damaged-<n>} (the
   * first free n) and returns the new path of the journal.
   */
  public static Path moveAside(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Path aside;
      int n = 1;
      do {
        aside = absolute.resolveSibling(absolute.getFileName() + ".damaged-" + n++);
      } while (Files.exists(aside));
      Files.move(absolute, aside, StandardCopyOption.ATOMIC_MOVE);
      for (String suffix : List.of("-wal", "-shm")) {
        Path companion = absolute.resolveSibling(absolute.getFileName() + suffix);
        if (Files.exists(companion)) {
          Files.move(
              companion,
              aside.resolveSibling(aside.getFileName() + suffix),
              StandardCopyOption.ATOMIC_MOVE);
        }
      }
      syncDirectory(absolute.getParent());
      return aside;
    } catch (IOException e) {
      throw new JdbcJournalException(
          "could not move damaged journal " + absolute + " aside: " + e, e);
    }
  }

  /** Forces the file's content to stable storage. */
  public static void sync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  static Path walOf(Path file) {
    return file.resolveSibling(file.getFileName() + "-wal");
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException notSupported) {
      log.debug(
          "cannot sync directory {} on this platform; relying on the rename", dir, notSupported);
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
      Files.deleteIfExists(walOf(temp));
      Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + "-shm"));
    } catch (IOException e) {
      log.warn("could not remove temporary journal {}; delete it by hand", temp, e);
    }
  }
}
