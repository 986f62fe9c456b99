package io.escrowkit.cli;

import io.escrowkit.device.simulated.SoftwareSecureModule;
import io.escrowkit.iso8583.LengthPrefix;
import io.escrowkit.simulator.AcquirerSimulator;
import io.escrowkit.simulator.FaultSpec;
import io.escrowkit.simulator.HostProfile;
import io.escrowkit.simulator.SimulatorBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * {@code simulate}: runs the acquirer simulator standalone on a loopback port until interrupted
 * (Ctrl-C), printing one line per message with the card masked.
 *
 * <pre>
 * java -jar escrowkit.jar simulate --port 8583 --profile cup --fault no-response:0.01
 * </pre>
 *
 * <p>With {@code --tls-keystore FILE --tls-password PASSWORD} it listens with TLS, presenting the
 * key and certificate of that PKCS12 keystore (a test keystore: the password is on the command
 * line). With {@code --issue-working-keys} it answers each UnionPay sign-on with fresh working
 * keys in field 62 under the software module's test master key, and checks that terminal's MACs
 * with the MAC key it issued.
 */
final class SimulateCommand implements Main.Command {

  static final String USAGE =
      "usage: escrowkit simulate [--port N] [--profile cup|iso87binary|iso87ascii]"
          + " [--framing 2|4a] [--fault NAME:RATE[:MILLIS] ...] [--seed N] [--balance MINOR]"
          + " [--require-mac] [--issue-working-keys]"
          + " [--tls-keystore PKCS12_FILE --tls-password PASSWORD]";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault()); // as logs

  /** What the command line asked for. */
  private static final class Options {
    int port;
    HostProfile profile = HostProfile.CUP;
    LengthPrefix framing;
    final List<FaultSpec> faults = new ArrayList<>();
    Long seed;
    Long balance;
    boolean requireMac;
    boolean issueWorkingKeys;
    Path tlsKeystore;
    String tlsPassword = "";
    SSLContext tls;
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options;
    try {
      if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
        out.println(USAGE);
        return 0;
      }
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("escrowkit simulate: " + e.getMessage());
      return 2;
    }
    try (AcquirerSimulator host = builder(options, out).start()) {
      out.printf(
          "acquirer simulator, profile %s, listening on %s:%d (framing %s%s%s);"
              + " interrupt (Ctrl-C) to stop%n",
          host.profile().cliName(),
          host.address().getAddress().getHostAddress(),
          host.port(),
          host.framing(),
          (options.tls == null ? "" : ", TLS")
              + (options.issueWorkingKeys ? ", working keys under the test master key" : ""),
          options.faults.isEmpty() ? "" : ", faults " + options.faults);
      out.flush();
      AtomicBoolean stopped = new AtomicBoolean();
      // Ctrl-C and kill (SIGINT, SIGTERM) end the JVM through its shutdown hooks, not by
      // interrupting this thread: the hook says what the books hold as it stops the host.
      Thread hook = new Thread(() -> {
        stop(host, stopped, out);
        host.close();
      }, "escrowkit-simulate-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException interrupted) {
        stop(host, stopped, out);
      } finally {
        removeHook(hook);
      }
    }
    return 0;
  }

  /** Prints the books' totals, once, however the command is stopped. */
  private static void stop(AcquirerSimulator host, AtomicBoolean stopped, PrintStream out) {
    if (stopped.compareAndSet(false, true)) {
      out.printf(
          "stopped: frozen %d, captured %d, refunded %d (minor units)%n",
          host.ledger().frozenTotal(),
          host.ledger().capturedTotal(),
          host.ledger().refundedTotal());
      out.flush();
    }
  }

  private static SimulatorBuilder builder(Options o, PrintStream out) {
    SimulatorBuilder b =
        AcquirerSimulator.builder()
            .profile(o.profile)
            .port(o.port)
            .requireMac(o.requireMac)
            .listener(exchange -> out.println(TIME.format(exchange.at()) + " " + exchange));
    if (o.framing != null) {
      b.framing(o.framing);
    }
    if (o.seed != null) {
      b.seed(o.seed);
    }
    if (o.balance != null) {
      b.defaultBalance(o.balance);
    }
    o.faults.forEach(b::fault);
    if (o.tls != null) {
      b.tls(o.tls);
    }
    if (o.issueWorkingKeys) {
      b.issueWorkingKeys(SoftwareSecureModule.TEST_MASTER_KEY_ID);
    }
    return b;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting and runs the hook itself
    }
  }

  private static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      if (arg.equals("--require-mac")) {
        o.requireMac = true;
        continue;
      }
      if (arg.equals("--issue-working-keys")) {
        o.issueWorkingKeys = true;
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length || !isOption(arg)) {
          throw new IllegalArgumentException(
              isOption(arg) ? arg + " needs a value" : "unknown argument '" + arg + "'; " + USAGE);
        }
        value = args[++i];
      }
      apply(o, arg, value);
    }
    double total = o.faults.stream().mapToDouble(FaultSpec::rate).sum();
    if (total > 1) {
      throw new IllegalArgumentException(
          "the --fault rates add up to " + total + "; together they may not exceed 1");
    }
    if (o.framing == LengthPrefix.NONE) {
      throw new IllegalArgumentException("--framing none cannot frame a TCP stream; use 2 or 4a");
    }
    if (o.tlsKeystore != null) {
      o.tls = serverTls(o.tlsKeystore, o.tlsPassword.toCharArray());
    }
    return o;
  }

  private static boolean isOption(String arg) {
    return List.of(
            "--port",
            "--profile",
            "--framing",
            "--fault",
            "--seed",
            "--balance",
            "--tls-keystore",
            "--tls-password")
        .contains(arg);
  }

  private static void apply(Options o, String option, String value) {
    switch (option) {
      case "--port":
        o.port = (int) number(option, value, 0, 65_535);
        break;
      case "--profile":
        o.profile = HostProfile.forName(value);
        break;
      case "--framing":
        o.framing = LengthPrefix.forName(value);
        break;
      case "--fault":
        o.faults.add(FaultSpec.parse(value));
        break;
      case "--seed":
        o.seed = number(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
        break;
      case "--balance":
        o.balance = number(option, value, 0, Long.MAX_VALUE);
        break;
      case "--tls-keystore":
        o.tlsKeystore = Path.of(value);
        break;
      case "--tls-password":
        o.tlsPassword = value;
        break;
      default:
        throw new IllegalArgumentException("unknown option '" + option + "'; " + USAGE);
    }
  }

  /** A TLS server context presenting the key and certificate of a PKCS12 keystore. */
  private static SSLContext serverTls(Path keystore, char[] password) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, password);
      KeyManagerFactory managers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "--tls-keystore " + keystore + " cannot be loaded as PKCS12: " + e.getMessage(), e);
    }
  }

  private static long number(String option, String value, long min, long max) {
    String wanted =
        option + " needs a whole number from " + min + " to " + max + ", got '" + value + "'";
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(wanted, e);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(wanted);
    }
    return n;
  }
}
