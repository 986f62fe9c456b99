package io.escrowkit.journal.jdbc.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One life of the crash child: a JVM started on this module's test classpath, its output copied to
 * a log file, its start-up recovery report read from its {@code READY} line, and a {@code kill -9}
 * ({@link Process#destroyForcibly()}) to end it.
 */
final class ChildProcess {
  private static final Pattern READY = Pattern.compile("READY inDoubt=(\\d+) owed=(\\d+)");

  private final Process process;
  private final CompletableFuture<Integer> ready = new CompletableFuture<>();
  private final Thread pump;
  private final int incarnation;

  private ChildProcess(Process process, Writer log, int incarnation) {
    this.process = process;
    this.incarnation = incarnation;
    this.pump = new Thread(() -> copy(log, incarnation), "crash-child-" + incarnation);
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts life number {@code incarnation} of the child on {@code journal}. */
  static ChildProcess start(
      Path dir, Path journal, int port, Path keyLog, Writer log, int incarnation)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.sqlite.tmpdir=" + dir,
                "-Dlogback.configurationFile=crash-child-logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                journal.toString(),
                Integer.toString(port),
                keyLog.toString(),
                Integer.toString(incarnation)));
    builder.redirectErrorStream(true);
    return new ChildProcess(builder.start(), log, incarnation);
  }

  /** Waits for the child to take operations; returns how many requests it found in doubt. */
  int awaitReady(Duration limit) throws Exception {
    try {
      return ready.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("child not ready within " + limit, e);
    }
  }

  /** In doubt at start-up, or 0 if the child was killed before it said. */
  int inDoubtAtStart() {
    return ready.getNow(0);
  }

  /** Lets the child run for {@code millis}; fails if it ends by itself meanwhile. */
  void runFor(long millis) throws InterruptedException {
    if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "child " + incarnation + " exited by itself with " + process.exitValue());
    }
  }

  /** SIGKILL, and waits until it is gone and its output is copied. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    pump.join(TimeUnit.SECONDS.toMillis(30));
  }

  private void copy(Writer log, int incarnation) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher matcher = READY.matcher(line);
        if (matcher.matches()) {
          ready.complete(Integer.parseInt(matcher.group(1)));
        }
        synchronized (log) {
          log.write("[" + incarnation + "] " + line + "\n");
        }
      }
      synchronized (log) {
        log.flush();
      }
    } catch (IOException e) {
      if (process.isAlive()) {
        throw new UncheckedIOException("lost the child's output", e);
      }
      note(log, "[" + incarnation + "] (output ended with the process: " + e.getMessage() + ")");
    } finally {
      ready.complete(0);
    }
  }

  private static void note(Writer log, String line) {
    synchronized (log) {
      try {
        log.write(line + "\n");
        log.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the children's log", e);
      }
    }
  }

  /** A log file the children append to. */
  static Writer logFile(Path file) throws IOException {
    return Files.newBufferedWriter(
        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
